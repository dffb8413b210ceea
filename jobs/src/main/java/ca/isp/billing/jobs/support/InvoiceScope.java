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
     * ({@code 2026-11-20}); invoice-now's and close-account's a batch of their own per job and
     * account, {@code 2026-11-20-invoice-now-<account>}, {@code 2026-11-20-close-account-<account>},
     * so neither ever rewrites what was handed to the vendor for the cycle or for the other.
     * Account numbers are CODE identifiers (letters, digits, '.', '_', '-'; no "..").
     */
    public String batchName(java.time.LocalDate date, String jobName) {
        if (accountNumber == null) {
            return date.toString();
        }
        if (!accountNumber.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,19}") || accountNumber.contains("..")) {
            throw new IllegalArgumentException("account number \"" + accountNumber
                    + "\" is not usable in a batch name (letters, digits, '.', '_' and '-' only, at most 20)");
        }
        return date + "-" + jobName.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT) + "-"
                + accountNumber;
    }

    public MapSqlParameterSource bind(MapSqlParameterSource params) {
        return params.addValue("scopeSource", CYCLE).addValue("scopeAccount", accountNumber);
    }
}
