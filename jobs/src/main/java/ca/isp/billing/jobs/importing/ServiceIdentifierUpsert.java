package ca.isp.billing.jobs.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.readers.ServiceIdentifierFormat;
import ca.isp.billing.readers.ServiceIdentifierRow;

/**
 * Service identifiers by identifier (service_alias), each of an imported subscription. An
 * identifier names one subscription: a line giving it to another one moves it (a phone number
 * ported, an address given to someone else). One that is already a subscription's own service id
 * (subscriptions file) is refused: a record must find exactly one subscription.
 */
final class ServiceIdentifierUpsert extends Upsert<ServiceIdentifierRow> {

    private static final String INSERT = """
            INSERT INTO service_alias (identifier, kind, subscription_id) VALUES (:identifier, :kind, :subscription_id)""";
    private static final String UPDATE = """
            UPDATE service_alias SET kind = :kind, subscription_id = :subscription_id WHERE identifier = :identifier""";

    private Map<String, Long> subscriptions;
    private Map<String, Long> serviceIds;

    ServiceIdentifierUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, ServiceIdentifierFormat.INSTANCE, "identifier", INSERT, UPDATE);
    }

    @Override
    String key(ServiceIdentifierRow row) {
        return row.identifier();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<ServiceIdentifierRow> rows) {
        subscriptions = idsByKey("SELECT subscription_id AS k, id FROM subscription WHERE subscription_id IN (:keys)",
                keys(rows, ServiceIdentifierRow::subscriptionId));
        serviceIds = idsByKey("SELECT service_id AS k, subscription_id AS id FROM service_identifier WHERE service_id IN (:keys)",
                keys(rows, ServiceIdentifierRow::identifier));
        Map<String, Map<String, Object>> stored = new HashMap<>(storedValues(
                "SELECT identifier, kind, subscription_id FROM service_alias WHERE identifier IN (:keys)",
                keys(rows, ServiceIdentifierRow::identifier), values -> (String) values.get("identifier")));
        return stored;
    }

    @Override
    Refusal unknownReference(ServiceIdentifierRow row) {
        if (!subscriptions.containsKey(row.subscriptionId())) {
            return new Refusal("subscription_id", "unknown subscription '" + row.subscriptionId()
                    + "' (import subscriptions first)");
        }
        return null;
    }

    @Override
    Refusal clash(ServiceIdentifierRow row) {
        if (serviceIds.containsKey(row.identifier())) {
            return new Refusal("identifier", "'" + row.identifier() + "' is already the service id of a subscription "
                    + "(subscriptions file)");
        }
        return null;
    }

    @Override
    MapSqlParameterSource params(ServiceIdentifierRow row) {
        return new MapSqlParameterSource().addValue("identifier", row.identifier()).addValue("kind", row.kind())
                .addValue("subscription_id", subscriptions.get(row.subscriptionId()));
    }
}
