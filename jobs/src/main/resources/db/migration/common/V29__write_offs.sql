-- Write-offs of uncollectable invoices (billing.write-off.after-days, the collections job's
-- writeOffs step): what was open on an invoice, written off once, never deleted. The invoice keeps
-- its total and payments; amount_written_off closes the rest, and a WRITE_OFF ledger entry takes
-- it off the account's balance.
ALTER TABLE invoice ADD COLUMN amount_written_off DECIMAL(12,2) DEFAULT 0 NOT NULL;

CREATE TABLE write_off (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference       VARCHAR(80)   NOT NULL,
    account_id      BIGINT        NOT NULL,
    invoice_id      BIGINT        NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    due_date        DATE          NOT NULL,
    written_off_on  DATE          NOT NULL,
    CONSTRAINT uk_write_off_invoice UNIQUE (invoice_id),
    CONSTRAINT uk_write_off_reference UNIQUE (reference),
    CONSTRAINT fk_write_off_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_write_off_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);
CREATE INDEX ix_write_off_date ON write_off (written_off_on);

-- "Open" (V6, V14) now leaves out what was written off.
DROP VIEW open_invoice;
CREATE VIEW open_invoice AS
SELECT id, account_id, invoice_number, invoice_date, due_date,
    total - amount_paid - amount_written_off AS open_amount, review_status
FROM invoice
WHERE status = 'ISSUED' AND total > amount_paid + amount_written_off;
