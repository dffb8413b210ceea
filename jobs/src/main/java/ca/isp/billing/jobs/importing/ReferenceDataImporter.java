package ca.isp.billing.jobs.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * of queries.
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
        Map<String, Long> existing = idsByKey("SELECT account_number AS k, id FROM account WHERE account_number IN (:keys)",
                keys(rows, AccountRow::accountNumber));
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Parsed.Ok<AccountRow> ok : rows) {
            AccountRow a = ok.row();
            if (!seen.add(a.accountNumber())) {
                counts.rejects.add(duplicateInFile(fileName, ok.line(), "account_number", a.accountNumber()));
                continue;
            }
            Address b = a.billingAddress();
            Address s = a.serviceAddress();
            MapSqlParameterSource p = new MapSqlParameterSource()
                    .addValue("number", a.accountNumber()).addValue("name", a.name())
                    .addValue("type", a.customerType().name()).addValue("language", a.language().code())
                    .addValue("email", a.email()).addValue("delivery", a.delivery().name())
                    .addValue("b1", b.line1()).addValue("b2", b.line2()).addValue("bcity", b.city())
                    .addValue("bregion", b.region()).addValue("bpostal", b.postalCode()).addValue("bcountry", b.country())
                    .addValue("s1", s.line1()).addValue("scity", s.city()).addValue("scounty", s.county())
                    .addValue("sregion", s.region()).addValue("spostal", s.postalCode()).addValue("scountry", s.country())
                    .addValue("nextBill", a.nextBillDate());
            (existing.containsKey(a.accountNumber()) ? updates : inserts).add(p);
        }
        jdbc.batchUpdate("""
                INSERT INTO account (account_number, name, customer_type, language, email, delivery,
                    billing_line1, billing_line2, billing_city, billing_region, billing_postal_code, billing_country,
                    service_line1, service_city, service_county, service_region, service_postal_code, service_country,
                    next_bill_date, status)
                VALUES (:number, :name, :type, :language, :email, :delivery, :b1, :b2, :bcity, :bregion, :bpostal,
                    :bcountry, :s1, :scity, :scounty, :sregion, :spostal, :scountry, :nextBill, 'ACTIVE')""",
                inserts.toArray(MapSqlParameterSource[]::new));
        // next_bill_date is the pipeline's to move once billing has started: an update keeps it.
        int[] updated = jdbc.batchUpdate("""
                UPDATE account SET name = :name, customer_type = :type, language = :language, email = :email,
                    delivery = :delivery, billing_line1 = :b1, billing_line2 = :b2, billing_city = :bcity,
                    billing_region = :bregion, billing_postal_code = :bpostal, billing_country = :bcountry,
                    service_line1 = :s1, service_city = :scity, service_county = :scounty, service_region = :sregion,
                    service_postal_code = :spostal, service_country = :scountry
                WHERE account_number = :number""",
                updates.toArray(MapSqlParameterSource[]::new));
        counts.inserted += inserts.size();
        countUpdates(updated, counts);
    }

    // ---------------------------------------------------------------- plans

    private void upsertPlans(List<Parsed.Ok<PlanRow>> rows, String fileName, Counts counts) {
        Map<String, Long> existing = idsByKey("SELECT code AS k, 1 AS id FROM plan WHERE code IN (:keys)",
                keys(rows, PlanRow::planCode));
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        for (Parsed.Ok<PlanRow> ok : rows) {
            PlanRow p = ok.row();
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("code", p.planCode()).addValue("en", p.nameEn()).addValue("fr", p.nameFr())
                    .addValue("kind", p.kind()).addValue("price", p.monthlyPrice()).addValue("months", p.periodMonths())
                    .addValue("gb", p.includedGb()).addValue("overage", p.overagePerGb()).addValue("minute", p.perMinute());
            (existing.containsKey(p.planCode()) ? updates : inserts).add(params);
        }
        jdbc.batchUpdate("""
                INSERT INTO plan (code, name_en, name_fr, kind, monthly_price, period_months, included_gb,
                    overage_per_gb, per_minute)
                VALUES (:code, :en, :fr, :kind, :price, :months, :gb, :overage, :minute)""",
                inserts.toArray(MapSqlParameterSource[]::new));
        int[] updated = jdbc.batchUpdate("""
                UPDATE plan SET name_en = :en, name_fr = :fr, kind = :kind, monthly_price = :price,
                    period_months = :months, included_gb = :gb, overage_per_gb = :overage, per_minute = :minute
                WHERE code = :code""",
                updates.toArray(MapSqlParameterSource[]::new));
        counts.inserted += inserts.size();
        countUpdates(updated, counts);
    }

    // ---------------------------------------------------------------- subscriptions

    private void upsertSubscriptions(List<Parsed.Ok<SubscriptionRow>> rows, String fileName, Counts counts) {
        Map<String, Long> accounts = idsByKey("SELECT account_number AS k, id FROM account WHERE account_number IN (:keys)",
                keys(rows, SubscriptionRow::accountNumber));
        Map<String, Long> plans = idsByKey("SELECT code AS k, 1 AS id FROM plan WHERE code IN (:keys)",
                keys(rows, SubscriptionRow::planCode));
        Map<String, Long> existing = idsByKey("SELECT subscription_id AS k, id FROM subscription WHERE subscription_id IN (:keys)",
                keys(rows, SubscriptionRow::subscriptionId));
        Map<String, Long> serviceOwners = idsByKey(
                "SELECT si.service_id AS k, si.subscription_id AS id FROM service_identifier si WHERE si.service_id IN (:keys)",
                keys(rows, SubscriptionRow::serviceId));
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        Map<String, String> serviceIds = new HashMap<>();
        for (Parsed.Ok<SubscriptionRow> ok : rows) {
            SubscriptionRow s = ok.row();
            Long accountId = accounts.get(s.accountNumber());
            if (accountId == null) {
                counts.rejects.add(new Reject(fileName, ok.line(), "account_number",
                        "unknown account '" + s.accountNumber() + "' (import accounts first)", s.subscriptionId()));
                continue;
            }
            if (!plans.containsKey(s.planCode())) {
                counts.rejects.add(new Reject(fileName, ok.line(), "plan_code",
                        "unknown plan '" + s.planCode() + "' (import plans first)", s.subscriptionId()));
                continue;
            }
            Long owner = serviceOwners.get(s.serviceId());
            if ((owner != null && !owner.equals(existing.get(s.subscriptionId())))
                    || serviceIds.putIfAbsent(s.serviceId(), s.subscriptionId()) != null) {
                counts.rejects.add(new Reject(fileName, ok.line(), "service_id",
                        "service id '" + s.serviceId() + "' already belongs to another subscription", s.subscriptionId()));
                continue;
            }
            MapSqlParameterSource p = new MapSqlParameterSource()
                    .addValue("sid", s.subscriptionId()).addValue("account", accountId).addValue("plan", s.planCode())
                    .addValue("start", s.startDate()).addValue("end", s.endDate());
            (existing.containsKey(s.subscriptionId()) ? updates : inserts).add(p);
        }
        jdbc.batchUpdate("""
                INSERT INTO subscription (subscription_id, account_id, plan_code, start_date, end_date)
                VALUES (:sid, :account, :plan, :start, :end)""", inserts.toArray(MapSqlParameterSource[]::new));
        int[] updated = jdbc.batchUpdate("""
                UPDATE subscription SET account_id = :account, plan_code = :plan, start_date = :start, end_date = :end
                WHERE subscription_id = :sid""", updates.toArray(MapSqlParameterSource[]::new));
        counts.inserted += inserts.size();
        countUpdates(updated, counts);
        // Service identifiers: the subscription's current one (replacing an older one).
        Map<String, Long> ids = idsByKey("SELECT subscription_id AS k, id FROM subscription WHERE subscription_id IN (:keys)",
                serviceIds.values());
        List<MapSqlParameterSource> identifiers = new ArrayList<>();
        serviceIds.forEach((serviceId, sid) -> identifiers.add(new MapSqlParameterSource()
                .addValue("service", serviceId).addValue("subscription", ids.get(sid))));
        MapSqlParameterSource[] batch = identifiers.toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("DELETE FROM service_identifier WHERE subscription_id = :subscription AND service_id <> :service", batch);
        jdbc.batchUpdate("DELETE FROM service_identifier WHERE service_id = :service", batch);
        jdbc.batchUpdate("INSERT INTO service_identifier (service_id, subscription_id) VALUES (:service, :subscription)", batch);
    }

    // ---------------------------------------------------------------- tax rates

    private void upsertTaxRates(List<Parsed.Ok<TaxRateRow>> rows, String fileName, Counts counts) {
        List<MapSqlParameterSource> all = new ArrayList<>();
        for (Parsed.Ok<TaxRateRow> ok : rows) {
            TaxRateRow t = ok.row();
            all.add(new MapSqlParameterSource()
                    .addValue("country", t.country()).addValue("region", t.region()).addValue("code", t.taxCode())
                    .addValue("en", t.nameEn()).addValue("fr", t.nameFr()).addValue("rate", t.rate())
                    .addValue("registration", t.registration()));
        }
        MapSqlParameterSource[] batch = all.toArray(MapSqlParameterSource[]::new);
        int[] updated = jdbc.batchUpdate("""
                UPDATE tax_rate SET name_en = :en, name_fr = :fr, rate = :rate, registration = :registration
                WHERE country = :country AND region = :region AND tax_code = :code""", batch);
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                inserts.add(batch[i]);
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO tax_rate (country, region, tax_code, name_en, name_fr, rate, registration)
                VALUES (:country, :region, :code, :en, :fr, :rate, :registration)""",
                inserts.toArray(MapSqlParameterSource[]::new));
        counts.inserted += inserts.size();
        counts.updated += updated.length - inserts.size();
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
                                "US".equals(rs.getString("billing_country")) ? "USD" : "CAD"});
                    });
        }
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Parsed.Ok<OpeningBalanceRow> ok : rows) {
            OpeningBalanceRow o = ok.row();
            Long accountId = accounts.get(o.accountNumber());
            if (accountId == null) {
                counts.rejects.add(new Reject(fileName, ok.line(), "account_number",
                        "unknown account '" + o.accountNumber() + "'", o.invoiceNumber()));
                continue;
            }
            if (!seen.add(o.invoiceNumber())) {
                counts.rejects.add(duplicateInFile(fileName, ok.line(), "invoice_number", o.invoiceNumber()));
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

    private static Reject duplicateInFile(String fileName, long line, String field, String key) {
        return new Reject(fileName, line, field, "'" + key + "' appears more than once in this file", key);
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

    private static void countUpdates(int[] updated, Counts counts) {
        counts.updated += updated.length;
    }
}
