-- The accounting export (issue 14). GL accounts per plan and per tax rate, optional: blank
-- means the company default (billing.gl.*), so files without the column stay valid.
ALTER TABLE plan ADD COLUMN gl_account VARCHAR(20) NULL;
ALTER TABLE tax_rate ADD COLUMN gl_account VARCHAR(20) NULL;

-- What each billing run posted to the general ledger: every issued invoice and every payment
-- once, by the first run after it exists (rerun 0 is the cycle's own run). The journal files
-- are written from these rows, so a restarted run writes the same file and a rerun posts only
-- what is new (held invoices released, payments that arrived since).
CREATE TABLE journal_posting (
    source_type     VARCHAR(10)  NOT NULL,
    -- byte for byte, as V5 made the other keys: payment refs 'CASE-a' and 'CASE-A' are two payments
    source_ref      VARCHAR(80)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    cycle_date      DATE         NOT NULL,
    rerun           INT          NOT NULL,
    PRIMARY KEY (source_type, source_ref)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX ix_journal_posting_run ON journal_posting (cycle_date, rerun);

-- What exists when a database is upgraded to this version is in the books already (however the
-- office entered it before): marked posted by no run (rerun -1), so the first journal holds
-- only what the runs after the upgrade issue and receive.
INSERT INTO journal_posting (source_type, source_ref, cycle_date, rerun)
SELECT 'INVOICE', invoice_number, COALESCE(cycle_date, invoice_date), -1 FROM invoice
WHERE origin = 'BILLED' AND invoice_number IS NOT NULL;
INSERT INTO journal_posting (source_type, source_ref, cycle_date, rerun)
SELECT 'PAYMENT', payment_ref, received_on, -1 FROM payment;
