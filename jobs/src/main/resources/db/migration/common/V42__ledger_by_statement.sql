-- The entries each statement showed, looked up by the statement's invoice (render and hand-off
-- read a page of invoices' entries at a time). ix_ledger_statement starts with account_id, so
-- without this index every page read the whole ledger (issue 15).
CREATE INDEX ix_ledger_statement_invoice ON account_ledger (statement_invoice_id);
