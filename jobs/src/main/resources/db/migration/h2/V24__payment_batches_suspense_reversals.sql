-- Payment batches (issue 13): what a line of a payment file may say beyond the account and the
-- amount: the invoice it pays, the deposit batch it was banked in and a cheque's number.
ALTER TABLE payment ADD COLUMN invoice_number VARCHAR(40);
ALTER TABLE payment ADD COLUMN deposit_batch VARCHAR(40);
ALTER TABLE payment ADD COLUMN cheque_number VARCHAR(20);
CREATE INDEX ix_payment_batch ON payment (deposit_batch);

-- Money received for no account we know (an unknown account number, an invoice number that
-- does not exist): kept here, never lost, until an operator assigns it (run.sh payments assign
-- REF ACCOUNT), which makes it a payment row of the same reference. status OPEN, ASSIGNED
-- (payment_id, who and when) or REVERSED (a reversal line took the money back).
CREATE TABLE payment_suspense (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    payment_ref         VARCHAR(60)   NOT NULL,
    account_number      VARCHAR(20),
    invoice_number      VARCHAR(40),
    received_on         DATE          NOT NULL,
    amount              DECIMAL(12,2) NOT NULL,
    method              VARCHAR(20),
    cheque_number       VARCHAR(20),
    deposit_batch       VARCHAR(40),
    file_id             BIGINT        NOT NULL,
    line_no             BIGINT        NOT NULL,
    reason              VARCHAR(300)  NOT NULL,
    status              VARCHAR(10)   NOT NULL,
    assigned_account_id BIGINT,
    payment_id          BIGINT,
    assigned_by         VARCHAR(100),
    assigned_at         TIMESTAMP(3)  NULL,
    CONSTRAINT uk_suspense_ref UNIQUE (payment_ref),
    CONSTRAINT fk_suspense_file FOREIGN KEY (file_id) REFERENCES ingested_file (id)
);

-- A returned payment (NSF cheque, card chargeback): a negative line naming the payment it takes
-- back. What that payment had paid is open again (reopened rows), a REVERSAL ledger entry puts
-- the amount back on the account, and an NSF fee (billing.payments.nsf-fee) waits in
-- one_time_charge for the next invoice. One reversal per payment.
CREATE TABLE payment_reversal (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    reversal_ref    VARCHAR(60)   NOT NULL,
    original_ref    VARCHAR(60)   NOT NULL,
    payment_id      BIGINT,
    suspense_id     BIGINT,
    account_id      BIGINT,
    received_on     DATE          NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    reason          VARCHAR(12)   NOT NULL,
    credit_taken    DECIMAL(12,2) NOT NULL,
    fee_charge_id   BIGINT,
    file_id         BIGINT        NOT NULL,
    CONSTRAINT uk_reversal_ref UNIQUE (reversal_ref),
    CONSTRAINT uk_reversal_of UNIQUE (original_ref),
    CONSTRAINT fk_reversal_file FOREIGN KEY (file_id) REFERENCES ingested_file (id)
);
CREATE TABLE reversal_reopened (
    reversal_id     BIGINT        NOT NULL,
    invoice_id      BIGINT        NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (reversal_id, invoice_id),
    CONSTRAINT fk_reopened_reversal FOREIGN KEY (reversal_id) REFERENCES payment_reversal (id),
    CONSTRAINT fk_reopened_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);

-- The kind of line a pending charge becomes: NULL = ONE_TIME or CREDIT by its sign (import
-- charges), NSF_FEE for the fee of a returned payment.
ALTER TABLE one_time_charge ADD COLUMN line_type VARCHAR(10);

-- The money of each payment file as its reader accepted it (payments and suspense lines, and
-- reversals apart), written in the file's transaction: the reconciliation's left-hand side.
CREATE TABLE payment_file_money (
    file_id         BIGINT        NOT NULL PRIMARY KEY,
    received        DECIMAL(14,2) NOT NULL,
    reversed        DECIMAL(14,2) NOT NULL,
    CONSTRAINT fk_file_money_file FOREIGN KEY (file_id) REFERENCES ingested_file (id)
);

-- Payment files read before this version: the money they brought is what their payments hold
-- (there was no suspense and no reversal then), so the payment-money equation holds for them.
INSERT INTO payment_file_money (file_id, received, reversed)
SELECT file_id, SUM(amount), 0 FROM payment WHERE file_id IS NOT NULL GROUP BY file_id;

-- The deposit slips written (out/deposits/<batch>.pdf and .csv), with the figures they show: a
-- batch whose payments changed since is written again.
CREATE TABLE deposit_slip (
    deposit_batch   VARCHAR(40)   NOT NULL PRIMARY KEY,
    payments        INT           NOT NULL,
    total           DECIMAL(14,2) NOT NULL,
    written_at      TIMESTAMP(3)  NOT NULL
);
