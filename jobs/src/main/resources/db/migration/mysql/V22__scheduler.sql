-- The built-in scheduler (run.sh scheduler, schedules/schedules.yml) and the operators' alerts.
-- As the H2 version, with DATETIME(3) for times (see V3) and binary collation (see V5).

-- Since when a scheduled job has been known to a scheduler on this database: a tick due after
-- that and never claimed was missed (the machine was down) and is caught up once.
CREATE TABLE scheduler_job (
    job_name    VARCHAR(40)  NOT NULL PRIMARY KEY,
    known_since DATETIME(3) NOT NULL
);

-- One row per tick of a scheduled job (its cron time, UTC). The unique key is the claim: of two
-- schedulers firing the same tick, the one whose insert succeeds runs it. status: RUNNING
-- (claimed; owner names the scheduler, whose liveness lock tells whether it is still alive),
-- COMPLETED, FAILED, STOPPED (SIGTERM: resumed by the next start), IN_THE_WAY (another run held
-- the run guard: tried again until the next tick), MISSED (not run: the machine was down, or
-- caught up by a later tick), SKIPPED (a failed run waits for the operator: retry-failed false).
CREATE TABLE scheduler_tick (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_name         VARCHAR(40)   NOT NULL,
    scheduled_at     DATETIME(3)  NOT NULL,
    business_date    DATE          NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    owner            VARCHAR(100),
    claimed_at       DATETIME(3)  NOT NULL,
    finished_at      DATETIME(3),
    job_execution_id BIGINT,
    message          VARCHAR(2000),
    CONSTRAINT uk_scheduler_tick UNIQUE (job_name, scheduled_at)
);
CREATE INDEX ix_scheduler_tick_status ON scheduler_tick (status);

-- Messages to the operators (a failed run, a run that did not happen, invoices held for review):
-- an outbox like delivery, keyed so the same alert is queued and sent once however many times
-- the check runs. status: PENDING -> SENT, or PENDING again after a failed attempt (last_error).
CREATE TABLE operator_alert (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    alert_key   VARCHAR(200)  NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    status      VARCHAR(8)    NOT NULL,
    attempts    INT           NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    sent_at     DATETIME(3),  -- when SENT; while SENDING, when it was claimed
    last_error  VARCHAR(1000),
    CONSTRAINT uk_operator_alert UNIQUE (alert_key)
);
-- Keys compare byte for byte, as V5 made the other keys.
ALTER TABLE scheduler_job CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE scheduler_tick CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE operator_alert CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
