-- Remote workers (billing.mode=remote): which worker runs which partition, and when it last said
-- it is alive. The worker beats every few seconds while its partition runs; the manager fails a
-- partition whose worker went silent (killed, machine gone) instead of waiting for it forever.
-- Times are the database's own (CURRENT_TIMESTAMP), so machines' clocks need not agree.
CREATE TABLE partition_heartbeat (
    step_execution_id BIGINT       NOT NULL,
    worker            VARCHAR(100) NOT NULL,
    started_at        DATETIME(3)  NOT NULL,
    beat_at           DATETIME(3)  NOT NULL,
    CONSTRAINT pk_partition_heartbeat PRIMARY KEY (step_execution_id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
