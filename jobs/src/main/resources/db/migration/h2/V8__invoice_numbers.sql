-- Invoices are numbered when they are issued, from a gapless series: a draft or a held invoice
-- has no number yet (it is known by its account and cycle, uk_invoice_account_cycle).
ALTER TABLE invoice ALTER COLUMN invoice_number SET NULL;
-- One row per series (the prefix with its year): the last number given. Taken and moved in the
-- issuing transaction, so a rollback gives the number back and no number is skipped.
CREATE TABLE invoice_number_series (
    series      VARCHAR(40) PRIMARY KEY,
    last_number BIGINT      NOT NULL
);
