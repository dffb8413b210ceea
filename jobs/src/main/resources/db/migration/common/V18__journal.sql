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
    source_ref      VARCHAR(80)  NOT NULL,
    cycle_date      DATE         NOT NULL,
    rerun           INT          NOT NULL,
    PRIMARY KEY (source_type, source_ref)
);
CREATE INDEX ix_journal_posting_run ON journal_posting (cycle_date, rerun);
