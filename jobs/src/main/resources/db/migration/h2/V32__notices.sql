-- Issue 13: notices to customers (payment reminder, past-due warning, suspension, reactivation,
-- usage alerts), an outbox like delivery: one row per event, keyed by what it is about
-- (past-due.invoice.<id>, suspension.event.<id>, usage-90.subscription.<id>.<period start>), so a
-- rerun or a restart finds it and sends nothing twice. Subject and body are rendered from
-- templates/notices/ when the row is queued, so a resend is the same message.
-- status: PENDING -> SENDING (claimed) -> SENT, ATTENTION (a person must fix it), SKIPPED (a usage
-- threshold passed the same day as a higher one: only the highest is sent).
CREATE TABLE notice (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    notice_key   VARCHAR(120)  NOT NULL,
    account_id   BIGINT        NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    notice_date  DATE          NOT NULL,
    channel      VARCHAR(10)   NOT NULL,
    destination  VARCHAR(254),
    subject      VARCHAR(400)  NOT NULL,
    body         VARCHAR(8000) NOT NULL,
    status       VARCHAR(12)   NOT NULL,
    attempts     INT           NOT NULL,
    courier      VARCHAR(20),
    provider_ref VARCHAR(255),
    last_error   VARCHAR(1000),
    created_at   TIMESTAMP(3)  NOT NULL,
    sent_at      TIMESTAMP(3)  NULL,
    CONSTRAINT uk_notice_key UNIQUE (notice_key),
    CONSTRAINT fk_notice_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_notice_status ON notice (status, notice_date);
