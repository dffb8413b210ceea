-- Issue 16: the review gate between issue and render. An issued invoice is reviewed once:
-- review_status NULL (not reviewed yet) -> CLEARED, or HELD (not rendered, not sent) until an
-- operator RELEASED it (rendered and sent by the next run of the cycle) or VOIDED it (status
-- VOID, a CREDIT_NOTE ledger entry cancels it; it keeps its number and its INVOICE entry).
-- The MySQL/MariaDB version is the same with DATETIME for times (see V3) and binary collation.
ALTER TABLE invoice ADD COLUMN review_status VARCHAR(10) NULL;
-- Invoices issued before the gate existed were handed over as they were: cleared.
UPDATE invoice SET review_status = 'CLEARED' WHERE status = 'ISSUED';
CREATE INDEX ix_invoice_cycle_review ON invoice (cycle_date, review_status);

-- Why an invoice is held: one row per rule it tripped, the figures in words. A cycle-wide rule
-- (a plan's or a jurisdiction's revenue) gives a row to every invoice of the cycle it holds.
CREATE TABLE review_hold (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id  BIGINT        NOT NULL,
    cycle_date  DATE          NOT NULL,
    rule_code   VARCHAR(30)   NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    held_at     TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uk_review_hold UNIQUE (invoice_id, rule_code),
    CONSTRAINT fk_review_hold_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);
CREATE INDEX ix_review_hold_cycle ON review_hold (cycle_date);

-- What an operator decided about a held invoice (run.sh review): who, when, why; one decision
-- per invoice. A VOID names its credit note (a gapless series of its own, CN-<year>-).
CREATE TABLE review_decision (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id  BIGINT        NOT NULL,
    cycle_date  DATE          NOT NULL,
    decision    VARCHAR(10)   NOT NULL,
    decided_by  VARCHAR(100)  NOT NULL,
    decided_at  TIMESTAMP(3)  NOT NULL,
    reason      VARCHAR(500),
    credit_note VARCHAR(40),
    CONSTRAINT uk_review_decision UNIQUE (invoice_id),
    CONSTRAINT uk_review_credit_note UNIQUE (credit_note),
    CONSTRAINT fk_review_decision_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);

-- An invoice held for review was not sent: no late fee, no delinquency on it until it is
-- released. The one definition of "open" (V6) says whether it is held.
DROP VIEW open_invoice;
CREATE VIEW open_invoice AS
SELECT id, account_id, invoice_number, invoice_date, due_date, total - amount_paid AS open_amount, review_status
FROM invoice
WHERE status = 'ISSUED' AND total > amount_paid;
