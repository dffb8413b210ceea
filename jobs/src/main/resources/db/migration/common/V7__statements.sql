-- Balance-forward invoices. Every ledger entry is shown on exactly one invoice's statement
-- (statement_invoice_id): the invoice that first took it, as a payment received, as its own
-- new charges, or as the opening balance. Entries not yet shown, dated on or before the next
-- invoice date, are what the next statement shows.
ALTER TABLE account_ledger ADD COLUMN statement_invoice_id BIGINT;
CREATE INDEX ix_ledger_statement ON account_ledger (account_id, statement_invoice_id);
-- What the statement showed: previous_balance - payments_received + adjustments + total = amount_due.
-- Left NULL on invoices issued before this migration: they were not statements (see below).
ALTER TABLE invoice ADD COLUMN payments_received DECIMAL(12,2);
ALTER TABLE invoice ADD COLUMN adjustments DECIMAL(12,2);
-- The account's first statement: its previous balance is the opening balance of the previous system.
ALTER TABLE invoice ADD COLUMN first_statement BOOLEAN;

-- Invoices issued before this migration asked for the whole ledger as it stood when they were
-- issued: an entry counts as shown on the latest of them that was issued after it was posted
-- (its own INVOICE entry has a higher id). Payments posted after that invoice (the old step
-- order applied a cycle's payments after its invoices) stay unshown: the next invoice lists them.
-- (MySQL cannot update a table from a subquery on the same table: a work table in between.)
CREATE TABLE v7_issued (account_id BIGINT NOT NULL, invoice_id BIGINT NOT NULL, ledger_id BIGINT NOT NULL);
INSERT INTO v7_issued (account_id, invoice_id, ledger_id)
SELECT i.account_id, i.id, l.id FROM invoice i
JOIN account_ledger l ON l.entry_type = 'INVOICE' AND l.reference = i.invoice_number
WHERE i.origin = 'BILLED' AND i.status = 'ISSUED';
UPDATE account_ledger SET statement_invoice_id = (
    SELECT MAX(v.invoice_id) FROM v7_issued v
    WHERE v.account_id = account_ledger.account_id AND v.ledger_id >= account_ledger.id);
DROP TABLE v7_issued;
