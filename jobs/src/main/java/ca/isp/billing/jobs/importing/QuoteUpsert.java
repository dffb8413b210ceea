package ca.isp.billing.jobs.importing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.readers.QuoteFormat;
import ca.isp.billing.readers.QuoteRow;

/**
 * Quotes by quote_ref and line_no: the lines as the file states them, the quote's head (account,
 * date, acceptance) from its rows. A quote already invoiced is left as it is: a row that would
 * change it is refused. An empty accepted_on never withdraws an acceptance (given by an earlier
 * import or by invoice-now --quote), so the same file twice changes nothing.
 */
final class QuoteUpsert extends Upsert<QuoteRow> {

    private static final String INSERT = """
            INSERT INTO quote_line (quote_ref, line_no, description_en, description_fr, amount, tax_class)
            VALUES (:quote_ref, :line_no, :description_en, :description_fr, :amount, :tax_class)""";

    private static final String UPDATE = """
            UPDATE quote_line SET description_en = :description_en, description_fr = :description_fr,
                amount = :amount, tax_class = :tax_class
            WHERE quote_ref = :quote_ref AND line_no = :line_no""";

    private Map<String, Long> accounts;
    private Map<String, Map<String, Object>> stored;
    /** Stored quote heads by ref: account_id, quote_date, accepted_on, invoice_id. */
    private final Map<String, Map<String, Object>> heads = new HashMap<>();
    /** The heads of the batch's new or changed rows, written after the lines. */
    private final Map<String, MapSqlParameterSource> headsToWrite = new LinkedHashMap<>();

    QuoteUpsert(NamedParameterJdbcTemplate jdbc, DateWindow dates) {
        super(jdbc, QuoteFormat.within(dates), "line_no", INSERT, UPDATE);
    }

    @Override
    String key(QuoteRow row) {
        return row.quoteRef() + ":" + row.lineNo();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<QuoteRow> rows) {
        accounts = idsByKey("SELECT account_number AS k, id FROM account WHERE account_number IN (:keys)",
                keys(rows, QuoteRow::accountNumber));
        Set<String> refs = keys(rows, QuoteRow::quoteRef);
        heads.clear();
        headsToWrite.clear();
        heads.putAll(storedValues("SELECT quote_ref, account_id, quote_date, accepted_on, invoice_id FROM quote"
                + " WHERE quote_ref IN (:keys)", refs, values -> (String) values.get("quote_ref")));
        stored = storedValues("""
                SELECT l.quote_ref, l.line_no, l.description_en, l.description_fr, l.amount, l.tax_class, q.account_id,
                    q.quote_date, q.accepted_on
                FROM quote_line l JOIN quote q ON q.quote_ref = l.quote_ref WHERE l.quote_ref IN (:keys)""", refs,
                values -> values.get("quote_ref") + ":" + values.get("line_no"));
        return stored;
    }

    @Override
    Refusal unknownReference(QuoteRow q) {
        return accounts.containsKey(q.accountNumber()) ? null
                : new Refusal("account_number", "unknown account '" + q.accountNumber() + "' (import accounts first)");
    }

    @Override
    Refusal clash(QuoteRow q) {
        Map<String, Object> head = heads.get(q.quoteRef());
        if (head == null) {
            return null;
        }
        if (!accounts.get(q.accountNumber()).equals(((Number) head.get("account_id")).longValue())) {
            return new Refusal("quote_ref", "quote '" + q.quoteRef() + "' is another account's");
        }
        Map<String, Object> line = stored.get(key(q));
        if (head.get("invoice_id") != null && (line == null || changed(params(q), line))) {
            return new Refusal("quote_ref", "quote '" + q.quoteRef() + "' is invoiced already: it cannot change"
                    + " (import a new quote)");
        }
        return null;
    }

    @Override
    MapSqlParameterSource params(QuoteRow q) {
        Map<String, Object> head = heads.get(q.quoteRef());
        Object accepted = q.acceptedOn() != null ? q.acceptedOn() : head == null ? null : head.get("accepted_on");
        if (accepted instanceof java.sql.Date date) {
            accepted = date.toLocalDate();
        }
        return new MapSqlParameterSource()
                .addValue("quote_ref", q.quoteRef()).addValue("line_no", q.lineNo())
                .addValue("description_en", q.descriptionEn()).addValue("description_fr", q.descriptionFr())
                .addValue("amount", q.amount()).addValue("tax_class", q.taxClass().name())
                .addValue("account_id", accounts.get(q.accountNumber())).addValue("quote_date", q.quoteDate())
                .addValue("accepted_on", accepted);
    }

    @Override
    Change change(QuoteRow q, MapSqlParameterSource params, Map<String, Object> storedLine) {
        Change change = super.change(q, params, storedLine);
        if (change != Change.UNCHANGED) {
            headsToWrite.put(q.quoteRef(), params);
        }
        return change;
    }

    /** The heads: a new quote inserted, a known one not invoiced yet updated (its date, its acceptance). */
    @Override
    void afterWrites(MapSqlParameterSource[] inserts) {
        headsToWrite.forEach((ref, params) -> {
            if (heads.containsKey(ref)) {
                jdbc.update("""
                        UPDATE quote SET quote_date = :quote_date, accepted_on = :accepted_on
                        WHERE quote_ref = :quote_ref AND invoice_id IS NULL""", params);
            } else {
                jdbc.update("""
                        INSERT INTO quote (quote_ref, account_id, quote_date, accepted_on)
                        VALUES (:quote_ref, :account_id, :quote_date, :accepted_on)""", params);
                heads.put(ref, Map.of("account_id", params.getValue("account_id")));
            }
        });
        headsToWrite.clear();
    }

}
