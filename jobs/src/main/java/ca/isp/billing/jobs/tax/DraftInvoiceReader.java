package ca.isp.billing.jobs.tax;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.PlanKind;
import ca.isp.billing.domain.TaxClass;
import ca.isp.billing.domain.TaxExemption;
import ca.isp.billing.jobs.support.InvoiceLineDao;
import ca.isp.billing.jobs.support.InvoiceScope;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads the partition's DRAFT invoices of the cycle with their lines, service addresses, the
 * tax classes of their accounts' subscriptions and their exemptions: four queries per page.
 * HELD ones are read again too: their jurisdiction may have tax rates by now (a rerun).
 *
 * <p>The date an invoice is taxed at is the date it will bear: a draft keeps its invoice date; a
 * held invoice released now is dated the day it is released (today, or the latest date of an
 * invoice its account already has, whichever is later), so its due date, late fees and tax
 * rates all run from when the customer could receive it.
 */
public class DraftInvoiceReader extends KeysetPageReader<InvoiceToTax, Long> {

    /** Invoices the tax step takes: drafts, and those held earlier (a rerun releases them). */
    static final List<String> TO_TAX = List.of(InvoiceStatus.DRAFT.name(), InvoiceStatus.HELD.name());

    public DraftInvoiceReader(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate cycleDate, int pageSize,
                              Clock clock) {
        this(jdbc, minId, maxId, cycleDate, pageSize, clock, InvoiceScope.of(null));
    }

    /** The invoices of the scope: the cycle's, or one account's quote invoices (invoice-now). */
    public DraftInvoiceReader(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate cycleDate, int pageSize,
                              Clock clock, InvoiceScope scope) {
        super((afterId, size) -> load(jdbc, minId, maxId, cycleDate, afterId, size, LocalDate.now(clock), scope),
                InvoiceToTax::invoiceId, Long.MIN_VALUE, pageSize);
    }

    private record Draft(long id, long accountId, String accountNumber, Language language, LocalDate date,
                         boolean held, Address service) {
    }

    private static List<InvoiceToTax> load(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate cycleDate,
                                           long afterId, int size, LocalDate today, InvoiceScope scope) {
        List<Draft> page = jdbc.query("""
                SELECT i.id, a.id, a.account_number, i.language, i.invoice_date, i.status, a.service_line1,
                    a.service_city, a.service_county, a.service_region, a.service_postal_code, a.service_country,
                    (SELECT MAX(j.invoice_date) FROM invoice j WHERE j.account_id = i.account_id AND j.status = :issued)
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = :cycle AND i.status IN (:toTax) AND i.account_id BETWEEN :min AND :max
                  AND i.id > :after AND """ + scope.sql("i") + " ORDER BY i.id LIMIT :size",
                scope.bind(new MapSqlParameterSource("cycle", cycleDate).addValue("min", minId).addValue("max", maxId)
                        .addValue("after", afterId).addValue("size", size).addValue("toTax", TO_TAX)
                        .addValue("issued", InvoiceStatus.ISSUED.name())),
                (rs, n) -> {
                    boolean held = InvoiceStatus.HELD.name().equals(rs.getString(6));
                    LocalDate date = rs.getObject(5, LocalDate.class);
                    if (held) {
                        LocalDate latest = rs.getObject(13, LocalDate.class);
                        LocalDate released = latest != null && latest.isAfter(today) ? latest : today;
                        date = date.isBefore(released) ? released : date;
                    }
                    return new Draft(rs.getLong(1), rs.getLong(2), rs.getString(3), Language.of(rs.getString(4)), date,
                            held, new Address(rs.getString(7), null, rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12)));
                });
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, List<InvoiceLine>> lines = new InvoiceLineDao(jdbc).linesOf(page.stream().map(Draft::id).toList());
        MapSqlParameterSource accounts = new MapSqlParameterSource("accounts",
                page.stream().map(Draft::accountId).distinct().toList());
        Map<Long, Map<String, TaxClass>> classes = new HashMap<>();
        jdbc.query("""
                SELECT s.account_id, s.subscription_id, p.tax_class, p.kind
                FROM subscription s JOIN plan p ON p.code = s.plan_code WHERE s.account_id IN (:accounts)""",
                accounts, rs -> {
                    String taxClass = rs.getString(3);
                    classes.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), taxClass != null
                            ? TaxClass.valueOf(taxClass) : TaxClass.ofPlanKind(PlanKind.valueOf(rs.getString(4))));
                });
        Map<Long, List<TaxExemption>> exemptions = new HashMap<>();
        jdbc.query("""
                SELECT account_id, certificate, tax_codes, expires_on FROM tax_exemption
                WHERE account_id IN (:accounts) ORDER BY account_id, certificate""", accounts, rs -> {
                    String codes = rs.getString(3).trim();
                    Set<String> taxCodes = codes.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(codes.split("\\s+")));
                    exemptions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new TaxExemption(rs.getString(2), taxCodes, rs.getObject(4, LocalDate.class)));
                });
        return page.stream().map(d -> new InvoiceToTax(d.id(), d.accountNumber(), d.language(), d.date(), d.service(),
                lines.getOrDefault(d.id(), List.of()), classes.getOrDefault(d.accountId(), Map.of()),
                exemptions.getOrDefault(d.accountId(), List.of()))).toList();
    }
}
