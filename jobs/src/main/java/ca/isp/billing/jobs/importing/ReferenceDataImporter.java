package ca.isp.billing.jobs.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.importing.Upsert.Refusal;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.jobs.support.PlausibleDates;
import ca.isp.billing.readers.CsvRowReader;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.Reject;
import ca.isp.billing.readers.RejectFileWriter;
import ca.isp.billing.readers.RowBatches;

/**
 * Imports the operator's reference data (accounts, plans, subscriptions, tax rates, tax
 * jurisdictions, taxability rules, exemptions, opening balances, penalty classes,
 * collections exclusion dates, data components) from CSV: an upsert on each
 * natural key, so importing a file twice changes nothing.
 * Bad lines go to {@code var/rejects/import-<kind>-<file>.rejects.csv}; the good ones are imported.
 * Dates outside their plausible window (billing.plausible.*, counted from today) are rejected
 * lines too. Work is done in batches of {@value #BATCH} rows, each batch in one transaction and a handful
 * of queries. An existing row is updated only when one of its values really changed (the query
 * that finds the batch's keys reads their values too); otherwise it is counted unchanged.
 * What each kind reads and writes is its {@link Upsert}; the steps they share are here.
 */
@Component
public class ReferenceDataImporter {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataImporter.class);
    private static final int BATCH = 1000;

    public enum Kind {
        ACCOUNTS, PLANS, SUBSCRIPTIONS, TAX_RATES, TAX_JURISDICTIONS, TAX_RULES, TAX_EXEMPTIONS, OPENING_BALANCES,
        SERVICE_IDENTIFIERS, RATES, RATE_BANDS, CHARGES, PENALTY_CLASSES, EXCLUSION_DATES, DATA_COMPONENTS, DISCOUNTS, SUBSCRIPTION_PRICES, QUOTES;

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
    private final Clock clock;

    public ReferenceDataImporter(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, BillingProperties properties,
                                 Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Imports a file, its dates checked against their windows counted from today. */
    public Result importFile(Kind kind, Path file) throws IOException {
        return importFile(kind, file, LocalDate.now(clock));
    }

    /**
     * Imports a file, its dates checked against their windows counted from {@code asOf}: the demo's
     * own cycle date, for the files it invents around it.
     */
    public Result importFile(Kind kind, Path file, LocalDate asOf) throws IOException {
        PlausibleDates dates = new PlausibleDates(properties.plausible(), asOf);
        return switch (kind) {
            case ACCOUNTS -> run(kind, file, new AccountUpsert(jdbc, dates.nextBillDates(),
                    CompanyProfiles.defaultLanguage(properties.templates())));
            case PLANS -> run(kind, file, new PlanUpsert(jdbc, dates.subscriptions(), asOf));
            case SUBSCRIPTIONS -> run(kind, file, new SubscriptionUpsert(jdbc, dates.subscriptions()));
            case TAX_RATES -> run(kind, file, new TaxRateUpsert(jdbc));
            case TAX_JURISDICTIONS -> run(kind, file, new TaxJurisdictionUpsert(jdbc));
            case TAX_RULES -> run(kind, file, new TaxRuleUpsert(jdbc));
            case TAX_EXEMPTIONS -> run(kind, file, new TaxExemptionUpsert(jdbc));
            case OPENING_BALANCES -> run(kind, file, new OpeningBalanceUpsert(jdbc, dates.openingBalances(),
                    properties.invoiceNumber().numbering()));
            case SERVICE_IDENTIFIERS -> run(kind, file, new ServiceIdentifierUpsert(jdbc));
            case RATES -> run(kind, file, new RateUpsert(jdbc, dates.subscriptions()));
            case RATE_BANDS -> run(kind, file, new RateBandUpsert(jdbc));
            case CHARGES -> run(kind, file, new ChargeUpsert(jdbc, dates.nextBillDates()));
            case PENALTY_CLASSES -> run(kind, file, new PenaltyClassUpsert(jdbc));
            case EXCLUSION_DATES -> run(kind, file, new ExclusionDateUpsert(jdbc));
            case DATA_COMPONENTS -> run(kind, file, new DataComponentUpsert(jdbc));
            case DISCOUNTS -> run(kind, file, new DiscountUpsert(jdbc, dates.subscriptions()));
            case SUBSCRIPTION_PRICES -> run(kind, file, new SubscriptionPriceUpsert(jdbc, dates.subscriptions()));
            case QUOTES -> run(kind, file, new QuoteUpsert(jdbc, dates.nextBillDates()));
        };
    }

    /** Counts of one batch or of a whole file; rows the batch itself refuses (unknown account...) are rejects. */
    private static final class Counts {
        long inserted;
        long updated;
        long unchanged;
        final List<Reject> rejects = new ArrayList<>();
    }

    private <T> Result run(Kind kind, Path file, Upsert<T> upsert) throws IOException {
        Path rejectFile = properties.rejects().resolve("import-" + kind.label() + "-" + file.getFileName() + ".rejects.csv");
        String fileName = file.getFileName().toString();
        Counts total = new Counts();
        long lines;
        long rejected;
        try (CsvRowReader<T> reader = CsvRowReader.open(file, upsert.format);
             RejectFileWriter rejects = RejectFileWriter.create(rejectFile)) {
            lines = RowBatches.read(reader, BATCH, rejects, rows -> {
                // one transaction per batch; the rows it refused are written once it has committed
                Counts counts = tx.execute(status -> upsert(upsert, rows, fileName));
                total.inserted += counts.inserted;
                total.updated += counts.updated;
                total.unchanged += counts.unchanged;
                counts.rejects.forEach(rejects::write);
            });
            rejected = rejects.count();
        }
        Result result = new Result(kind, file, lines, total.inserted, total.updated, total.unchanged, rejected, rejectFile);
        log.info("Imported {}", result.describe());
        return result;
    }

    /**
     * One batch: each row is checked (unknown references, then its key seen earlier in the file,
     * then clashes), then inserted, updated or counted unchanged against its stored values.
     */
    private <T> Counts upsert(Upsert<T> upsert, List<Parsed.Ok<T>> rows, String fileName) {
        Map<String, Map<String, Object>> stored = upsert.readStored(rows.stream().map(Parsed.Ok::row).toList());
        Counts counts = new Counts();
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Parsed.Ok<T> ok : rows) {
            T row = ok.row();
            String key = upsert.key(row);
            Refusal refusal = upsert.unknownReference(row);
            if (refusal == null && !seen.add(key)) {
                refusal = new Refusal(upsert.keyField, "'" + key + "' appears more than once in this file");
            }
            if (refusal == null) {
                refusal = upsert.clash(row);
            }
            if (refusal != null) {
                counts.rejects.add(new Reject(fileName, ok.line(), refusal.field(), refusal.reason(), ok.raw()));
                continue;
            }
            MapSqlParameterSource params = upsert.params(row);
            switch (upsert.change(row, params, stored.get(key))) {
                case INSERT -> inserts.add(params);
                case UPDATE -> updates.add(params);
                case UPDATE_ELSEWHERE -> counts.updated++;
                case UNCHANGED -> counts.unchanged++;
            }
        }
        counts.inserted += inserts.size();
        counts.updated += updates.size();
        MapSqlParameterSource[] inserted = inserts.toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate(upsert.insertSql, inserted);
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(upsert.updateSql, updates.toArray(MapSqlParameterSource[]::new));
        }
        upsert.afterWrites(inserted);
        return counts;
    }
}
