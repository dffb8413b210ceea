-- Invoices are numbered when they are issued, from a gapless series: a draft or a held invoice
-- has no number yet (it is known by its account and cycle, uk_invoice_account_cycle).
-- The table's binary collation (V5) carries over to the modified column.
ALTER TABLE invoice MODIFY invoice_number VARCHAR(40) NULL;
-- One row per series (the prefix with its year): the last number given. Taken and moved in the
-- issuing transaction, so a rollback gives the number back and no number is skipped.
CREATE TABLE invoice_number_series (
    series      VARCHAR(40) PRIMARY KEY,
    last_number BIGINT      NOT NULL
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
