package ca.isp.billing.readers;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service identifiers file (import service-identifiers): the identifiers that usage records
 * carry, beyond the subscription's own service_id, by which they find their subscription. kind
 * is USER_NAME (a RADIUS user name, with or without its realm as the source keeps it), PHONE (a
 * number calls come from: a line, a DID) or FRAMED_IP (the address a session was given: the
 * fallback when its user name matches nothing).
 */
public final class ServiceIdentifierFormat implements RowFormat<ServiceIdentifierRow> {

    public static final ServiceIdentifierFormat INSTANCE = new ServiceIdentifierFormat();

    /** What an identifier names. */
    public static final List<String> KINDS = List.of("USER_NAME", "PHONE", "FRAMED_IP");

    private static final List<String> COLUMNS = List.of("subscription_id", "kind", "identifier");
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("subscription_id", 40, "kind", 10, "identifier", 100);
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}");

    private ServiceIdentifierFormat() {
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    public Map<String, Integer> maxLengths() {
        return MAX_LENGTHS;
    }

    @Override
    public ServiceIdentifierRow parse(Row row) {
        String subscriptionId = row.identifier("subscription_id", Identifier.CODE);
        String kind = row.oneOf("kind", KINDS.toArray(String[]::new));
        String identifier;
        if (kind.equals("FRAMED_IP")) {
            identifier = row.required("identifier");
            if (!IPV4.matcher(identifier).matches() && !(IPV6.matcher(identifier).matches() && identifier.contains(":"))) {
                throw new FieldException("identifier", "not an IPv4 or IPv6 address: " + Row.quote(identifier));
            }
        } else {
            identifier = row.identifier("identifier", Identifier.SERVICE_ID);
        }
        return new ServiceIdentifierRow(subscriptionId, kind, identifier);
    }
}
