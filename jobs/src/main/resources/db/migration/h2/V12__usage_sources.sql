-- Issue 8: usage from network equipment. The MySQL/MariaDB version of this migration is the
-- same with DATETIME for times and binary collation for the new tables (see V3 and V5).

-- What an equipment record says besides its quantity. DATA from a RADIUS session: the bytes
-- the subscriber sent (upload) and received (download), whose sum is the quantity, the seconds
-- counted, the session's key (Acct-Unique-Session-Id: a session gives several records, see
-- radius_session) and its framed IP (the fallback to find the subscription). VOICE from a call
-- record: the number dialed and how the call ended (ANSWERED, NO ANSWER, BUSY, ...). Null for
-- the generic usage CSV, which says none of these.
ALTER TABLE usage_record ADD COLUMN upload_bytes BIGINT NULL;
ALTER TABLE usage_record ADD COLUMN download_bytes BIGINT NULL;
ALTER TABLE usage_record ADD COLUMN session_seconds BIGINT NULL;
ALTER TABLE usage_record ADD COLUMN session_key VARCHAR(100) NULL;
ALTER TABLE usage_record ADD COLUMN framed_ip VARCHAR(45) NULL;
ALTER TABLE usage_record ADD COLUMN destination VARCHAR(100) NULL;
ALTER TABLE usage_record ADD COLUMN disposition VARCHAR(12) NULL;
-- What the rate step found for a call of a plan that has a rate table (voice_rate): its
-- amount at the table's price (connection fee, increments and minimum, before the plan's
-- included minutes, which the charge step settles per period), its time band, or, with status
-- RATING_GAP, why no rate prices it (rating_note).
ALTER TABLE usage_record ADD COLUMN rated_amount DECIMAL(12,2) NULL;
ALTER TABLE usage_record ADD COLUMN rate_band VARCHAR(20) NULL;
ALTER TABLE usage_record ADD COLUMN rating_note VARCHAR(300) NULL;
-- Records read in place (FreeRADIUS) come from no inbox file: no ingested_file row.
ALTER TABLE usage_record ALTER COLUMN file_id SET NULL;
CREATE INDEX ix_usage_start ON usage_record (start_time);

-- More identifiers of a subscription than its service_id (service_identifier, from the
-- subscriptions file), imported with `import service-identifiers`: kind USER_NAME (a RADIUS user
-- name), PHONE (a line or DID calls come from) or FRAMED_IP (a session's address: the fallback
-- when its user name matches nothing). An identifier belongs to one subscription.
CREATE TABLE service_alias (
    identifier      VARCHAR(100) NOT NULL PRIMARY KEY,
    kind            VARCHAR(10)  NOT NULL,
    subscription_id BIGINT       NOT NULL,
    CONSTRAINT fk_service_alias_subscription FOREIGN KEY (subscription_id) REFERENCES subscription (id)
);

-- Rate tables of calls (import rates, import rate-bands; docs/FILE-FORMATS.md). A plan's calls are
-- rated with the table whose code is the plan's code. effective_key is effective_from as text, ''
-- for a rate with no first day, so the natural key (table, prefix, band, first day) is unique.
CREATE TABLE voice_rate (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    rate_table      VARCHAR(30)   NOT NULL,
    prefix          VARCHAR(15)   NOT NULL,
    band            VARCHAR(20)   NOT NULL,
    effective_key   VARCHAR(10)   NOT NULL,
    destination     VARCHAR(100),
    per_minute      DECIMAL(12,4) NOT NULL,
    first_increment INT           NOT NULL,
    next_increment  INT           NOT NULL,
    connection_fee  DECIMAL(12,2) NOT NULL,
    minimum_charge  DECIMAL(12,2) NOT NULL,
    uses_included   INT           NOT NULL,
    effective_from  DATE,
    effective_to    DATE,
    CONSTRAINT uk_voice_rate UNIQUE (rate_table, prefix, band, effective_key)
);

-- The time bands of a rate table: one row per window. days: the days' names (MONDAY,FRIDAY);
-- to_time null: to the end of the day.
CREATE TABLE rate_band (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    rate_table      VARCHAR(30)  NOT NULL,
    band            VARCHAR(20)  NOT NULL,
    name_en         VARCHAR(40)  NOT NULL,
    name_fr         VARCHAR(40)  NOT NULL,
    days            VARCHAR(70)  NOT NULL,
    from_time       CHAR(5)      NOT NULL,
    to_time         CHAR(5),
    CONSTRAINT uk_rate_band UNIQUE (rate_table, band, days, from_time)
);

-- A FreeRADIUS session's counters as far as they were read. Counters are cumulative: each new
-- reading adds to usage_record only what it counted beyond these (a record of the difference),
-- so the records of a session add up to its last counters, whatever run read which reading.
-- ended_by: OPEN, STOP, NAS_RESTART, NAS_SHUTDOWN (readers.RadiusSession.EndedBy).
CREATE TABLE radius_session (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    source          VARCHAR(50)  NOT NULL,
    unique_id       VARCHAR(100) NOT NULL,
    nas_ip          VARCHAR(100) NOT NULL,
    user_name       VARCHAR(100) NOT NULL,
    readings        INT          NOT NULL,
    last_event      TIMESTAMP(3) NOT NULL,
    upload_bytes    BIGINT       NOT NULL,
    download_bytes  BIGINT       NOT NULL,
    session_seconds BIGINT       NOT NULL,
    ended_by        VARCHAR(12)  NOT NULL,
    CONSTRAINT uk_radius_session UNIQUE (unique_id, source)
);
CREATE INDEX ix_radius_session_nas ON radius_session (source, nas_ip, ended_by);

-- Files read in place (FreeRADIUS's accounting folder): how far each was read. Moved in the
-- transaction that stores the records read, so a record is never taken twice.
CREATE TABLE source_file (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    source          VARCHAR(50)  NOT NULL,
    file_path       VARCHAR(500) NOT NULL,
    offset_bytes    BIGINT       NOT NULL,
    next_line       BIGINT       NOT NULL,
    records_read    BIGINT       NOT NULL,
    rejected        BIGINT       NOT NULL,
    read_at         TIMESTAMP(3) NOT NULL,
    CONSTRAINT uk_source_file UNIQUE (source, file_path)
);
