package ca.isp.billing.jobs.importing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.BillingCurrency;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.readers.AccountFormat;
import ca.isp.billing.readers.AccountRow;
import ca.isp.billing.readers.CsvRowReader;
import ca.isp.billing.readers.OpeningBalanceFormat;
import ca.isp.billing.readers.OpeningBalanceRow;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.PlanFormat;
import ca.isp.billing.readers.PlanRow;
import ca.isp.billing.readers.Reject;
import ca.isp.billing.readers.RejectFileWriter;
import ca.isp.billing.readers.RowFormat;
import ca.isp.billing.readers.SubscriptionFormat;
import ca.isp.billing.readers.SubscriptionRow;
import ca.isp.billing.readers.TaxRateFormat;
import ca.isp.billing.readers.TaxRateRow;

/**
 * Imports the operator's reference data (accounts, plans, subscriptions, tax rates, opening
 * balances) from CSV: an upsert on each natural key, so importing a file twice changes nothing.
 * Bad lines go to {@code var/rejects/import-<kind>-<file>.rejects.csv}; the good ones are imported.
 * Work is done in batches of {@value #BATCH} rows, each batch in one transaction and a handful
 * of queries. An existing row is updated only when one of its values really changed (the query
 * that finds the batch's keys reads their values too); otherwise it is counted unchanged.
 */
@Component
public class ReferenceDataImporter {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataImporter.class);
    private static final int BATCH = 1000;

    public enum Kind {
        ACCOUNTS, PLANS, SUBSCRIPTIONS, TAX_RATES, OPENING_BALANCES;

        public static Kind of(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What an import did. lines = inserted + updated + unchanged + rejected. */
    public record Result(Kind kind, Path file, long lines, long inserted, long updated, long unchanged,
                         long rejected, Path rejectFile) {
        public String describe() {
            return String.format("%s %s: %d lines, %d inserted, %d updated, %d unchanged, %d rejected%s",
                    kind.label(), file.getFileName(), lines, inserted, updated, unchanged, rejected,
                    rejected > 0 ? " (see " + rejectFile + ")" : "");
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BillingProperties properties;

    public ReferenceDataImporter(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, BillingProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
    }

    public Result importFile(Kind kind, Path file) throws IOException {
        return switch (kind) {
            case ACCOUNTS -> run(kind, file, AccountFormat.INSTANCE, this::upsertAccounts);
            case PLANS -> run(kind, file, PlanFormat.INSTANCE, this::upsertPlans);
            case SUBSCRIPTIONS -> run(kind, file, SubscriptionFormat.INSTANCE, this::upsertSubscriptions);
            case TAX_RATES -> run(kind, file, TaxRateFormat.INSTANCE, this::upsertTaxRates);
            case OPENING_BALANCES -> run(kind, file, OpeningBalanceFormat.INSTANCE, this::importOpeningBalances);
        };
    }

    /** Counts of one batch; rows the batch itself refuses (unknown account...) are rejects. */
    private static final class Counts {
        long inserted;
        long updated;
        long unchanged;
        final List<Reject> rejects = new ArrayList<>();
    }

    private interface BatchUpsert<T> {
        void apply(List<Parsed.Ok<T>> rows, String fileName, Counts counts);
    }

    private <T> Result run(Kind kind, Path file, RowFormat<T> format, BatchUpsert<T> upsert) throws IOException {
        Path rejectFile = properties.rejects().resolve("import-" + kind.label() + "-" + file.getFileName() + ".rejects.csv");
        long lines = 0;
        Counts total = new Counts();
        long rejected = 0;
        try (CsvRowReader<T> reader = CsvRowReader.open(file, format);
             RejectFileWriter rejects = RejectFileWriter.create(rejectFile)) {
            List<Parsed.Ok<T>> batch = new ArrayList<>(BATCH);
            while (reader.hasNext()) {
                Parsed<T> parsed = reader.next();
                lines++;
                if (parsed instanceof Parsed.Ok<T> ok) {
                    batch.add(ok);
                } else if (parsed instanceof Parsed.Bad<T> bad) {
                    rejects.write(bad.reject());
                }
                if (batch.size() == BATCH || (!reader.hasNext() && !batch.isEmpty())) {
                    Counts counts = new Counts();
                    List<Parsed.Ok<T>> rows = List.copyOf(batch);
                    tx.executeWithoutResult(status -> upsert.apply(rows, file.getFileName().toString(), counts));
                    total.inserted += counts.inserted;
                    total.updated += counts.updated;
                    total.unchanged += counts.unchanged;
                    counts.rejects.forEach(rejects::write);
                    batch.clear();
                }
            }
            rejected = rejects.count();
        }
        Result result = new Result(kind, file, lines, total.inserted, total.updated, total.unchanged, rejected, rejectFile);
        log.info("Imported {}", result.describe());
        return result;
    }

    // ---------------------------------------------------------------- accounts

    private void upsertAccounts(List<Parsed.Ok<AccountRow>> rows, String fileName, Counts counts) {
        // next_bill_date is the pipeline's to move once billing has started: not read, so never compared or updated.
        Map<String, Map<String, Object>> stored = storedValues("""
                SELECT account_number, name, customer_type, language, email, delivery,
                    billing_line1, billing_line2, billing_city, billing_region, billing_postal_code, billing_country,
                    service_line1, service_city, service_county, service_region, service_postal_code, service_country
                FROM account WHERE account_number IN (:keys)""",
                keys(rows, AccountRow::accountNumber), values -> (String) values.get("account_number"));
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Parsed.Ok<AccountRow> ok : rows) {
            AccountRow a = ok.row();
            if (!seen.add(a.accountNumber())) {
                counts.rejects.add(duplicateInFile(fileName, ok, "account_number", a.accountNumber()));
                continue;
            }
            Address b = a.billingAddress();
            Address s = a.serviceAddress();
            MapSqlParameterSource p = new MapSqlParameterSource()
                    .addValue("account_number", a.accountNumber()).addValue("name", a.name())
                    .addValue("customer_type", a.customerType().name()).addValue("language", a.language().code())
                    .addValue("email", a.email()).addValue("delivery", a.delivery().name())
                    .addValue("billing_line1", b.line1()).addValue("billing_line2", b.line2())
                    .addValue("billing_city", b.city()).addValue("billing_region", b.region())
                    .addValue("billing_postal_code", b.postalCode()).addValue("billing_country", b.country())
                    .addValue("service_line1", s.line1()).addValue("service_city", s.city())
                    .addValue("service_county", s.county()).addValue("service_region", s.region())
                    .addValue("service_postal_code", s.postalCode()).addValue("service_country", s.country())
                    .addValue("next_bill_date", a.nextBillDate());
            sort(p, stored.get(a.accountNumber()), inserts, updates, counts);
        }
        jdbc.batchUpdate("""
                INSERT INTO account (account_number, name, customer_type, language, email, delivery,
                    billing_line1, billing_line2, billing_city, billing_region, billing_postal_code, billing_country,
                    service_line1, service_city, service_county, service_region, service_postal_code, service_country,
                    next_bill_date, status)
                VALUES (:account_number, :name, :customer_type, :language, :email, :delivery,
                    :billing_line1, :billing_line2, :billing_city, :billing_region, :billing_postal_code, :billing_country,
                    :service_line1, :service_city, :service_county, :service_region, :service_postal_code, :service_country,
                    :next_bill_date, 'ACTIVE')""",
                inserts.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                UPDATE account SET name = :name, customer_type = :customer_type, language = :language, email = :email,
                    delivery = :delivery, billing_line1 = :billing_line1, billing_line2 = :billing_line2,
                    billing_city = :billing_city, billing_region = :billing_region,
                    billing_postal_code = :billing_postal_code, billing_country = :billing_country,
                    service_line1 = :service_line1, service_city = :service_city, service_county = :service_county,
                    service_region = :service_region, service_postal_code = :service_postal_code,
                    service_country = :service_country
                WHERE account_number = :account_number""",
                updates.toArray(MapSqlParameterSource[]::new));
    }

    // ---------------------------------------------------------------- plans

    private void upsertPlans(List<Parsed.Ok<PlanRow>> rows, String fileName, Counts counts) {
        Map<String, Map<String, Object>> stored = storedValues("""
                SELECT code, name_en, name_fr, kind, monthly_price, period_months, included_gb, overage_per_gb, per_minute
                FROM plan WHERE code IN (:keys)""",
                keys(rows, PlanRow::planCode), values -> (String) values.get("code"));
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Parsed.Ok<PlanRow> ok : rows) {
            PlanRow p = ok.row();
            if (!seen.add(p.planCode())) {
                counts.rejects.add(duplicateInFile(fileName, ok, "plan_code", p.planCode()));
                continue;
            }
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("code", p.planCode()).addValue("name_en", p.nameEn()).addValue("name_fr", p.nameFr())
                    .addValue("kind", p.kind()).addValue("monthly_price", p.monthlyPrice())
                    .addValue("period_months", p.periodMonths()).addValue("included_gb", p.includedGb())
                    .addValue("overage_per_gb", p.overagePerGb()).addValue("per_minute", p.perMinute());
            sort(params, stored.get(p.planCode()), inserts, updates, counts);
        }
        jdbc.batchUpdate("""
                INSERT INTO plan (code, name_en, name_fr, kind, monthly_price, period_months, included_gb,
                    overage_per_gb, per_minute)
                VALUES (:code, :name_en, :name_fr, :kind, :monthly_price, :period_months, :included_gb,
                    :overage_per_gb, :per_minute)""",
                inserts.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                UPDATE plan SET name_en = :name_en, name_fr = :name_fr, kind = :kind, monthly_price = :monthly_price,
                    period_months = :period_months, included_gb = :included_gb, overage_per_gb = :overage_per_gb,
                    per_minute = :per_minute
                WHERE code = :code""",
                updates.toArray(MapSqlParameterSource[]::new));
    }

    // ---------------------------------------------------------------- subscriptions

    private void upsertSubscriptions(List<Parsed.Ok<SubscriptionRow>> rows, String fileName, Counts counts) {
        Map<String, Long> accounts = idsByKey("SELECT account_number AS k, id FROM account WHERE account_number IN (:keys)",
                keys(rows, SubscriptionRow::accountNumber));
        Map<String, Long> plans = idsByKey("SELECT code AS k, 1 AS id FROM plan WHERE code IN (:keys)",
                keys(rows, SubscriptionRow::planCode));
        // One query for the existing subscriptions: their ids, values and service ids (one row per service id).
        Map<String, Long> existing = new HashMap<>();
        Map<String, Map<String, Object>> stored = new HashMap<>();
        Map<String, Set<String>> storedServiceIds = new HashMap<>();
        for (Map<String, Object> values : jdbc.queryForList("""
                SELECT s.id, s.subscription_id, s.account_id, s.plan_code, s.start_date, s.end_date, si.service_id
                FROM subscription s LEFT JOIN service_identifier si ON si.subscription_id = s.id
                WHERE s.subscription_id IN (:keys)""",
                new MapSqlParameterSource("keys", keys(rows, SubscriptionRow::subscriptionId)))) {
            String sid = (String) values.get("subscription_id");
            existing.put(sid, ((Number) values.get("id")).longValue());
            stored.put(sid, values);
            Set<String> serviceIds = storedServiceIds.computeIfAbsent(sid, k -> new HashSet<>());
            if (values.get("service_id") != null) {
                serviceIds.add((String) values.get("service_id"));
            }
        }
        Map<String, Long> serviceOwners = idsByKey(
                "SELECT si.service_id AS k, si.subscription_id AS id FROM service_identifier si WHERE si.service_id IN (:keys)",
                keys(rows, SubscriptionRow::serviceId));
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        Map<String, String> serviceIds = new HashMap<>();
        Map<String, String> serviceIdsToWrite = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Parsed.Ok<SubscriptionRow> ok : rows) {
            SubscriptionRow s = ok.row();
            Long accountId = accounts.get(s.accountNumber());
            if (accountId == null) {
                counts.rejects.add(new Reject(fileName, ok.line(), "account_number",
                        "unknown account '" + s.accountNumber() + "' (import accounts first)", ok.raw()));
                continue;
            }
            if (!plans.containsKey(s.planCode())) {
                counts.rejects.add(new Reject(fileName, ok.line(), "plan_code",
                        "unknown plan '" + s.planCode() + "' (import plans first)", ok.raw()));
                continue;
            }
            if (!seen.add(s.subscriptionId())) {
                counts.rejects.add(duplicateInFile(fileName, ok, "subscription_id", s.subscriptionId()));
                continue;
            }
            Long owner = serviceOwners.get(s.serviceId());
            if ((owner != null && !owner.equals(existing.get(s.subscriptionId())))
                    || serviceIds.putIfAbsent(s.serviceId(), s.subscriptionId()) != null) {
                counts.rejects.add(new Reject(fileName, ok.line(), "service_id",
                        "service id '" + s.serviceId() + "' already belongs to another subscription", ok.raw()));
                continue;
            }
            MapSqlParameterSource p = new MapSqlParameterSource()
                    .addValue("subscription_id", s.subscriptionId()).addValue("account_id", accountId)
                    .addValue("plan_code", s.planCode()).addValue("start_date", s.startDate())
                    .addValue("end_date", s.endDate());
            // the service id is part of the line: a new one alone is a change, written to service_identifier below
            boolean sameServiceId = Set.of(s.serviceId()).equals(storedServiceIds.get(s.subscriptionId()));
            if (!sameServiceId) {
                serviceIdsToWrite.put(s.serviceId(), s.subscriptionId());
            }
            if (stored.containsKey(s.subscriptionId()) && !changed(p, stored.get(s.subscriptionId())) && !sameServiceId) {
                counts.updated++;
            } else {
                sort(p, stored.get(s.subscriptionId()), inserts, updates, counts);
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO subscription (subscription_id, account_id, plan_code, start_date, end_date)
                VALUES (:subscription_id, :account_id, :plan_code, :start_date, :end_date)""",
                inserts.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                UPDATE subscription SET account_id = :account_id, plan_code = :plan_code, start_date = :start_date,
                    end_date = :end_date
                WHERE subscription_id = :subscription_id""",
                updates.toArray(MapSqlParameterSource[]::new));
        // Service identifiers of new subscriptions and changed ones: the current one replaces any older one.
        Map<String, Long> ids = idsByKey("SELECT subscription_id AS k, id FROM subscription WHERE subscription_id IN (:keys)",
                serviceIdsToWrite.values());
        List<MapSqlParameterSource> identifiers = new ArrayList<>();
        serviceIdsToWrite.forEach((serviceId, sid) -> identifiers.add(new MapSqlParameterSource()
                .addValue("service", serviceId).addValue("subscription", ids.get(sid))));
        MapSqlParameterSource[] batch = identifiers.toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("DELETE FROM service_identifier WHERE subscription_id = :subscription AND service_id <> :service", batch);
        jdbc.batchUpdate("DELETE FROM service_identifier WHERE service_id = :service", batch);
        jdbc.batchUpdate("INSERT INTO service_identifier (service_id, subscription_id) VALUES (:service, :subscription)", batch);
    }

    // ---------------------------------------------------------------- tax rates

    private void upsertTaxRates(List<Parsed.Ok<TaxRateRow>> rows, String fileName, Counts counts) {
        List<Object[]> keys = rows.stream()
                .map(ok -> new Object[]{ok.row().country(), ok.row().region(), ok.row().taxCode()}).toList();
        Map<String, Map<String, Object>> stored = storedValues("""
                SELECT country, region, tax_code, name_en, name_fr, rate, registration
                FROM tax_rate WHERE (country, region, tax_code) IN (:keys)""",
                keys, values -> taxKey(values.get("country"), values.get("region"), values.get("tax_code")));
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Parsed.Ok<TaxRateRow> ok : rows) {
            TaxRateRow t = ok.row();
            String key = taxKey(t.country(), t.region(), t.taxCode());
            if (!seen.add(key)) {
                counts.rejects.add(duplicateInFile(fileName, ok, "tax_code", key));
                continue;
            }
            MapSqlParameterSource p = new MapSqlParameterSource()
                    .addValue("country", t.country()).addValue("region", t.region()).addValue("tax_code", t.taxCode())
                    .addValue("name_en", t.nameEn()).addValue("name_fr", t.nameFr()).addValue("rate", t.rate())
                    .addValue("registration", t.registration());
            sort(p, stored.get(key), inserts, updates, counts);
        }
        jdbc.batchUpdate("""
                INSERT INTO tax_rate (country, region, tax_code, name_en, name_fr, rate, registration)
                VALUES (:country, :region, :tax_code, :name_en, :name_fr, :rate, :registration)""",
                inserts.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                UPDATE tax_rate SET name_en = :name_en, name_fr = :name_fr, rate = :rate, registration = :registration
                WHERE country = :country AND region = :region AND tax_code = :tax_code""",
                updates.toArray(MapSqlParameterSource[]::new));
    }

    /** A tax's natural key as one string, e.g. CA/QC/QST. */
    private static String taxKey(Object country, Object region, Object taxCode) {
        return country + "/" + region + "/" + taxCode;
    }

    // ---------------------------------------------------------------- opening balances

    /**
     * Open invoices of the previous system become IMPORTED invoices, already issued, with an
     * OPENING_BALANCE ledger entry: payments, late fees and delinquency then treat them like ours.
     * An invoice number already imported is left alone (its payments may have moved on).
     */
    private void importOpeningBalances(List<Parsed.Ok<OpeningBalanceRow>> rows, String fileName, Counts counts) {
        Map<String, Long> accounts = idsByKey("SELECT account_number AS k, id FROM account WHERE account_number IN (:keys)",
                keys(rows, OpeningBalanceRow::accountNumber));
        Map<String, Long> existing = idsByKey("SELECT invoice_number AS k, id FROM invoice WHERE invoice_number IN (:keys)",
                keys(rows, OpeningBalanceRow::invoiceNumber));
        Map<Long, String[]> accountLocale = new HashMap<>();
        if (!accounts.isEmpty()) {
            jdbc.query("SELECT id, language, billing_country FROM account WHERE id IN (:ids)",
                    new MapSqlParameterSource("ids", accounts.values()),
                    rs -> {
                        accountLocale.put(rs.getLong("id"), new String[]{rs.getString("language"),
                                BillingCurrency.forBillingCountry(rs.getString("billing_country")).name()});
                    });
        }
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Parsed.Ok<OpeningBalanceRow> ok : rows) {
            OpeningBalanceRow o = ok.row();
            Long accountId = accounts.get(o.accountNumber());
            if (accountId == null) {
                counts.rejects.add(new Reject(fileName, ok.line(), "account_number",
                        "unknown account '" + o.accountNumber() + "'", ok.raw()));
                continue;
            }
            if (!seen.add(o.invoiceNumber())) {
                counts.rejects.add(duplicateInFile(fileName, ok, "invoice_number", o.invoiceNumber()));
                continue;
            }
            if (existing.containsKey(o.invoiceNumber())) {
                counts.unchanged++;
                continue;
            }
            String[] locale = accountLocale.get(accountId);
            inserts.add(new MapSqlParameterSource()
                    .addValue("number", o.invoiceNumber()).addValue("account", accountId)
                    .addValue("invoiceDate", o.invoiceDate()).addValue("dueDate", o.dueDate())
                    .addValue("amount", o.amount()).addValue("language", locale[0]).addValue("currency", locale[1]));
        }
        MapSqlParameterSource[] batch = inserts.toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                INSERT INTO invoice (invoice_number, account_id, origin, status, invoice_date, due_date, language,
                    currency, subtotal, tax_total, total, previous_balance, amount_due, amount_paid)
                VALUES (:number, :account, 'IMPORTED', 'ISSUED', :invoiceDate, :dueDate, :language, :currency,
                    :amount, 0, :amount, 0, :amount, 0)""", batch);
        jdbc.batchUpdate("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                VALUES (:account, :invoiceDate, 'OPENING_BALANCE', :number, :amount)""", batch);
        counts.inserted += inserts.size();
    }

    // ---------------------------------------------------------------- helpers

    private static Reject duplicateInFile(String fileName, Parsed.Ok<?> ok, String field, String key) {
        return new Reject(fileName, ok.line(), field, "'" + key + "' appears more than once in this file", ok.raw());
    }

    private static <T> Set<String> keys(List<Parsed.Ok<T>> rows, Function<T, String> key) {
        return rows.stream().map(ok -> key.apply(ok.row())).collect(Collectors.toSet());
    }

    private Map<String, Long> idsByKey(String sql, Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        if (keys.isEmpty()) {
            return ids;
        }
        jdbc.query(sql, new MapSqlParameterSource("keys", keys), rs -> {
            ids.put(rs.getString("k"), rs.getLong("id"));
        });
        return ids;
    }

    /**
     * The stored rows of a batch's keys, by key, each a map of column name (any case) to value.
     * The query reads the columns an update would write, so comparing them tells a real change.
     */
    private Map<String, Map<String, Object>> storedValues(String sql, Collection<?> keys,
                                                          Function<Map<String, Object>, String> keyOf) {
        Map<String, Map<String, Object>> stored = new HashMap<>();
        if (keys.isEmpty()) {
            return stored;
        }
        for (Map<String, Object> values : jdbc.queryForList(sql, new MapSqlParameterSource("keys", keys))) {
            stored.put(keyOf.apply(values), values);
        }
        return stored;
    }

    /**
     * A new row is inserted; an existing one is updated only when a value differs, else counted
     * unchanged. Parameters are named after their columns, so each is compared with the stored
     * column of that name (columns the query did not read, such as next_bill_date, are not).
     */
    private static void sort(MapSqlParameterSource row, Map<String, Object> stored, List<MapSqlParameterSource> inserts,
                             List<MapSqlParameterSource> updates, Counts counts) {
        if (stored == null) {
            inserts.add(row);
            counts.inserted++;
        } else if (changed(row, stored)) {
            updates.add(row);
            counts.updated++;
        } else {
            counts.unchanged++;
        }
    }

    private static boolean changed(MapSqlParameterSource row, Map<String, Object> stored) {
        for (String column : row.getParameterNames()) {
            if (stored.containsKey(column) && !sameValue(row.getValue(column), stored.get(column))) {
                return true;
            }
        }
        return false;
    }

    /** Nulls are equal; numbers by value (60.00 = 60.0000); a SQL date equals its LocalDate. */
    private static boolean sameValue(Object fromFile, Object fromDatabase) {
        if (fromFile == null || fromDatabase == null) {
            return fromFile == fromDatabase;
        }
        if (fromFile instanceof Number a && fromDatabase instanceof Number b) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (fromDatabase instanceof java.sql.Date date) {
            return fromFile.equals(date.toLocalDate());
        }
        return fromFile.equals(fromDatabase);
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }
}
