package ca.isp.billing.jobs.quote;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.BillingCurrency;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.InvoiceOrigin;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.QuoteLines;
import ca.isp.billing.domain.TaxClass;
import ca.isp.billing.jobs.support.InvoiceLineDao;

/**
 * The first step of invoice-now: a DRAFT invoice of its own for the first of the account's accepted
 * quotes not invoiced yet (or the one asked for; InvoiceNowLauncher runs the job again for the
 * next one, so each invoice's statement follows the one before), dated the invoice-now date, source
 * {@code QUOTE:<ref>}, with the quote's lines (QuoteLines), and the quote marked with it, all in
 * the step's transaction. The next steps (the cycle's tax, invoice, review gate, render and
 * hand-off) take it from there. A quote is invoiced once: the mark is guarded by
 * {@code invoice_id IS NULL}, and the invoice's key (account, date, source) refuses a second one.
 * Voiding a quote invoice (run.sh review --void) clears the mark: the quote is billed again, on an
 * invoice of source {@code QUOTE:<ref>#2} when that is the same day.
 */
public class QuoteInvoiceTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(QuoteInvoiceTasklet.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final LocalDate date;
    private final String accountNumber;
    private final String quoteRef;

    public QuoteInvoiceTasklet(NamedParameterJdbcTemplate jdbc, LocalDate date, String accountNumber, String quoteRef) {
        this.jdbc = jdbc;
        this.date = date;
        this.accountNumber = accountNumber;
        this.quoteRef = quoteRef == null || quoteRef.isBlank() ? null : quoteRef;
    }

    private record Accepted(long id, String ref, long accountId, Language language, String currency,
                            LocalDate acceptedOn) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Accepted> quotes = jdbc.query("""
                SELECT q.id, q.quote_ref, a.id, a.language, a.service_country, q.accepted_on
                FROM quote q JOIN account a ON a.id = q.account_id
                WHERE a.account_number = :account AND q.accepted_on IS NOT NULL AND q.accepted_on <= :date
                  AND q.invoice_id IS NULL""" + (quoteRef == null ? "" : " AND q.quote_ref = :quote")
                + " ORDER BY q.quote_ref", params(), (rs, n) -> new Accepted(rs.getLong(1), rs.getString(2),
                rs.getLong(3), Language.of(rs.getString(4)),
                BillingCurrency.forServiceCountry(rs.getString(5)).name(), rs.getObject(6, LocalDate.class)));
        for (Accepted quote : quotes) {
            List<InvoiceLine> lines = new ArrayList<>();
            jdbc.query("""
                    SELECT line_no, description_en, description_fr, amount, tax_class FROM quote_line
                    WHERE quote_ref = :ref ORDER BY line_no""", new MapSqlParameterSource("ref", quote.ref()), rs -> {
                String description = switch (quote.language()) {
                    case FR -> rs.getString(3);
                    case BILINGUAL -> Language.both(rs.getString(2), rs.getString(3));
                    default -> rs.getString(2);
                };
                lines.add(QuoteLines.line(quote.ref(), rs.getInt(1), description, rs.getBigDecimal(4),
                        TaxClass.valueOf(rs.getString(5)), quote.acceptedOn()));
            });
            if (lines.isEmpty()) {
                log.warn("quote {} of account {} has no lines: not invoiced", quote.ref(), accountNumber);
                continue;
            }
            String source = source(quote);
            jdbc.update("""
                    INSERT INTO invoice (account_id, origin, cycle_date, status, invoice_date, period_start, period_end,
                        language, currency, amount_paid, source)
                    VALUES (:account, :origin, :date, :draft, :date, :date, :date, :language, :currency, 0, :source)""",
                    new MapSqlParameterSource("account", quote.accountId()).addValue("origin", InvoiceOrigin.BILLED.name())
                            .addValue("date", date).addValue("draft", InvoiceStatus.DRAFT.name())
                            .addValue("language", quote.language().code()).addValue("currency", quote.currency())
                            .addValue("source", source));
            long invoiceId = jdbc.queryForObject("""
                    SELECT id FROM invoice WHERE account_id = :account AND cycle_date = :date AND source = :source""",
                    new MapSqlParameterSource("account", quote.accountId()).addValue("date", date)
                            .addValue("source", source), Long.class);
            new InvoiceLineDao(jdbc).addAll(Map.of(invoiceId, lines), Map.of());
            if (jdbc.update("UPDATE quote SET invoice_id = :invoice WHERE id = :id AND invoice_id IS NULL",
                    new MapSqlParameterSource("invoice", invoiceId).addValue("id", quote.id())) != 1) {
                throw new IllegalStateException("quote " + quote.ref() + " was invoiced meanwhile");
            }
            contribution.incrementWriteCount(1);
            log.info("Quote {} of account {}: draft invoice {} with {} lines", quote.ref(), accountNumber, invoiceId,
                    lines.size());
            // one quote a run: the next invoice's statement must start from this one's (the launcher
            // runs again while accepted quotes are left)
            break;
        }
        contribution.incrementReadCount(); // the account looked at
        return RepeatStatus.FINISHED;
    }

    /**
     * {@code QUOTE:<ref>}; a quote billed again the same day, its invoice voided by review
     * (ReviewDesk), {@code QUOTE:<ref>#2}, #3...: the voided invoice keeps its source and the key
     * (account, date, source) stays unique.
     */
    private String source(Accepted quote) {
        String base = "QUOTE:" + quote.ref();
        long earlier = jdbc.queryForList("SELECT source FROM invoice WHERE account_id = :account AND cycle_date = :date",
                new MapSqlParameterSource("account", quote.accountId()).addValue("date", date), String.class).stream()
                .filter(s -> s.equals(base) || s.startsWith(base + "#")).count();
        return earlier == 0 ? base : base + "#" + (earlier + 1);
    }

    private MapSqlParameterSource params() {
        return new MapSqlParameterSource("account", accountNumber).addValue("date", date).addValue("quote", quoteRef);
    }
}
