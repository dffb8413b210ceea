-- Partial chargebacks (issue 13): a payment may be reversed in parts (domain.PaymentReversal),
-- the parts adding up to at most its amount, so one payment may have several reversals.
ALTER TABLE payment_reversal DROP CONSTRAINT uk_reversal_of;
CREATE INDEX ix_reversal_payment ON payment_reversal (payment_id);

-- Account endings (run.sh close-account): one closure per account, the last day of service, the
-- final invoice (invoice.source FINAL) and what became of its credit: REFUND (paid back, a REFUND
-- ledger entry and a refund row for accounts payable) or CARRY (left on the account).
CREATE TABLE account_closure (
    account_id        BIGINT        NOT NULL PRIMARY KEY,
    closed_on         DATE          NOT NULL,
    requested_on      DATE          NOT NULL,
    settlement        VARCHAR(8)    NOT NULL,
    final_invoice_id  BIGINT,
    settled           BOOLEAN       DEFAULT FALSE NOT NULL,
    closed_by         VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_closure_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- Money paid back to a closed account's customer: accounts payable prints the cheque from
-- out/refunds/<date>/refunds.csv. One refund per closure.
CREATE TABLE refund (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference         VARCHAR(80)   NOT NULL,
    account_id        BIGINT        NOT NULL,
    amount            DECIMAL(12,2) NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    refunded_on       DATE          NOT NULL,
    final_invoice_id  BIGINT,
    CONSTRAINT uk_refund_reference UNIQUE (reference),
    CONSTRAINT uk_refund_account UNIQUE (account_id),
    CONSTRAINT fk_refund_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_refund_date ON refund (refunded_on);

-- Written-off accounts brought back by an operator (run.sh account reinstate): who and when.
CREATE TABLE account_reinstatement (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT        NOT NULL,
    reinstated_at     TIMESTAMP(3)  NOT NULL,
    reinstated_by     VARCHAR(100)  NOT NULL,
    previous_status   VARCHAR(12)   NOT NULL,
    CONSTRAINT fk_reinstatement_account FOREIGN KEY (account_id) REFERENCES account (id)
);
