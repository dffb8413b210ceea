package ca.isp.billing.jobs.support;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which invoices of a date the shared steps (tax, invoice, review gate, render, hand-off) take:
 * the cycle's own (source CYCLE), or, for invoice-now (job parameter {@code invoiceAccount}), the
 * quote invoices of that one account. So a cycle and an invoice-now of the same day never take
 * each other's invoices, and a failed one is finished by running the same command again.
 */
public record InvoiceScope(String accountNumber) {

    /** The source of the invoices a billing cycle makes. */
    public static final String CYCLE = "CYCLE";

    /** The scope of a job: the cycle's when no account is given. */
    public static InvoiceScope of(String invoiceAccount) {
        return new InvoiceScope(invoiceAccount == null || invoiceAccount.isBlank() ? null : invoiceAccount);
    }

    /**
     * The condition on the invoice table under {@code alias}, with its parameters named scope*; with
     * a space each side, as a text block's line ends lose theirs.
     */
    public String sql(String alias) {
        return accountNumber == null ? " " + alias + ".source = :scopeSource "
                : " (" + alias + ".source <> :scopeSource AND " + alias
                        + ".account_id = (SELECT sa.id FROM account sa WHERE sa.account_number = :scopeAccount)) ";
    }

    /**
     * The name of the scope's mail-vendor batch of {@code date}: the cycle's is the date
     * ({@code 2026-11-20}); invoice-now's a batch of its own, {@code 2026-11-20-invoice-now-<account>},
     * so an invoice-now on a cycle's date never rewrites what was handed to the vendor for the cycle.
     */
    public String batchName(java.time.LocalDate date) {
        if (accountNumber == null) {
            return date.toString();
        }
        if (!accountNumber.matches("[A-Za-z0-9_-]{1,20}")) {
            throw new IllegalArgumentException("account number \"" + accountNumber
                    + "\" is not usable in a batch name (letters, digits, _ and - only, at most 20)");
        }
        return date + "-invoice-now-" + accountNumber;
    }

    public MapSqlParameterSource bind(MapSqlParameterSource params) {
        return params.addValue("scopeSource", CYCLE).addValue("scopeAccount", accountNumber);
    }
}
