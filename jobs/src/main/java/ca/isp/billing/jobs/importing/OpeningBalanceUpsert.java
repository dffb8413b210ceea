package ca.isp.billing.jobs.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.BillingCurrency;
import ca.isp.billing.domain.InvoiceNumbering;
import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.InvoiceOrigin;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.readers.OpeningBalanceFormat;
import ca.isp.billing.readers.OpeningBalanceRow;

/**
 * Open invoices of the previous system become IMPORTED invoices, already issued, with an
 * OPENING_BALANCE ledger entry: payments, late fees and delinquency then treat them like ours.
 * An invoice number already imported is left alone (its payments may have moved on).
 */
final class OpeningBalanceUpsert extends Upsert<OpeningBalanceRow> {

    private static final String INSERT = """
            INSERT INTO invoice (invoice_number, account_id, origin, status, invoice_date, due_date, language,
                currency, subtotal, tax_total, total, previous_balance, amount_due, amount_paid)
            VALUES (:number, :account, :origin, :status, :invoiceDate, :dueDate, :language, :currency,
                :amount, 0, :amount, 0, :amount, 0)""";

    private final InvoiceNumbering numbering;
    // What the current batch is checked against, read by readStored.
    private Map<String, Long> accounts;
    /** Account id -> its language and billing currency, which its imported invoices take. */
    private Map<Long, String[]> accountLocale;

    OpeningBalanceUpsert(NamedParameterJdbcTemplate jdbc, DateWindow dates, InvoiceNumbering numbering) {
        super(jdbc, OpeningBalanceFormat.within(dates), "invoice_number", INSERT, null); // never updated, see change
        this.numbering = numbering;
    }

    @Override
    String key(OpeningBalanceRow row) {
        return row.invoiceNumber();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<OpeningBalanceRow> rows) {
        accounts = idsByKey("SELECT account_number AS k, id FROM account WHERE account_number IN (:keys)",
                keys(rows, OpeningBalanceRow::accountNumber));
        Map<String, Map<String, Object>> stored = storedValues(
                "SELECT invoice_number, id FROM invoice WHERE invoice_number IN (:keys)",
                keys(rows, OpeningBalanceRow::invoiceNumber), values -> (String) values.get("invoice_number"));
        accountLocale = new HashMap<>();
        if (!accounts.isEmpty()) {
            jdbc.query("SELECT id, language, service_country FROM account WHERE id IN (:ids)",
                    new MapSqlParameterSource("ids", accounts.values()),
                    rs -> {
                        accountLocale.put(rs.getLong("id"), new String[]{rs.getString("language"),
                                BillingCurrency.forServiceCountry(rs.getString("service_country")).name()});
                    });
        }
        return stored;
    }

    @Override
    Refusal unknownReference(OpeningBalanceRow o) {
        if (numbering.couldBeOurs(o.invoiceNumber())) {
            // One day the cycle would give this number to a new invoice (or has already).
            return new Refusal("invoice_number", "'" + o.invoiceNumber() + "' looks like a number of this"
                    + " system's own series (billing.invoice-number.prefix '" + numbering.prefix()
                    + "'); give the previous system's invoices their own numbers, for example with a prefix");
        }
        return accounts.containsKey(o.accountNumber()) ? null
                : new Refusal("account_number", "unknown account '" + o.accountNumber() + "'");
    }

    @Override
    MapSqlParameterSource params(OpeningBalanceRow o) {
        Long accountId = accounts.get(o.accountNumber());
        String[] locale = accountLocale.get(accountId);
        return new MapSqlParameterSource()
                .addValue("number", o.invoiceNumber()).addValue("account", accountId)
                .addValue("invoiceDate", o.invoiceDate()).addValue("dueDate", o.dueDate())
                .addValue("amount", o.amount()).addValue("language", locale[0]).addValue("currency", locale[1])
                .addValue("origin", InvoiceOrigin.IMPORTED.name()).addValue("status", InvoiceStatus.ISSUED.name())
                .addValue("entryType", LedgerEntryType.OPENING_BALANCE.name());
    }

    /** Imported once, then left alone: never compared, never updated. */
    @Override
    Change change(OpeningBalanceRow o, MapSqlParameterSource params, Map<String, Object> stored) {
        return stored == null ? Change.INSERT : Change.UNCHANGED;
    }

    /** Each new invoice's opening balance on its account's ledger. */
    @Override
    void afterWrites(MapSqlParameterSource[] inserts) {
        jdbc.batchUpdate("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                VALUES (:account, :invoiceDate, :entryType, :number, :amount)""", inserts);
    }
}
