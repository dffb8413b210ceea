-- Balance-forward invoices. Every ledger entry is shown on exactly one invoice's statement
-- (statement_invoice_id): the invoice that first took it, as a payment received, as its own
-- new charges, or as the opening balance. Entries not yet shown, dated on or before the next
-- invoice date, are what the next statement shows.
ALTER TABLE account_ledger ADD COLUMN statement_invoice_id BIGINT;
CREATE INDEX ix_ledger_statement ON account_ledger (account_id, statement_invoice_id);
-- What the statement showed: previous_balance - payments_received + adjustments + total = amount_due.
ALTER TABLE invoice ADD COLUMN payments_received DECIMAL(12,2);
ALTER TABLE invoice ADD COLUMN adjustments DECIMAL(12,2);
-- The account's first statement: its previous balance is the opening balance of the previous system.
ALTER TABLE invoice ADD COLUMN first_statement BOOLEAN;

-- Invoices issued before this migration asked for the whole ledger: their entries count as
-- shown on the latest such invoice dated on or after them.
UPDATE account_ledger SET statement_invoice_id = (
    SELECT MAX(i.id) FROM invoice i
    WHERE i.account_id = account_ledger.account_id AND i.origin = 'BILLED' AND i.status = 'ISSUED'
      AND i.invoice_date >= account_ledger.entry_date);
UPDATE invoice SET payments_received = 0, adjustments = 0, first_statement = FALSE WHERE status = 'ISSUED';
