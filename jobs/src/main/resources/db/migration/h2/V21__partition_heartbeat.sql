-- Remote workers (billing.mode=remote, MySQL/MariaDB only): see the mysql migration. The table
-- exists on H2 too so both schemas stay the same shape.
CREATE TABLE partition_heartbeat (
    step_execution_id BIGINT       NOT NULL,
    worker            VARCHAR(100) NOT NULL,
    started_at        TIMESTAMP(3) NOT NULL,
    beat_at           TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_partition_heartbeat PRIMARY KEY (step_execution_id)
);
