-- The billing schema. Portable SQL that H2 2.x and MySQL 8 / MariaDB 10.11 both accept.
-- Idempotency lives here: every row a step creates has a unique key (account + cycle,
-- invoice + line key, invoice + channel, ...) so a restarted step finds what it already
-- wrote instead of writing it twice. Amounts are DECIMAL(12,2): dollars and cents.

-- The ISP itself: one row, refreshed from templates/company.properties at every run.
CREATE TABLE company (
    id              INT          NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    legal_name      VARCHAR(200) NOT NULL,
    address         VARCHAR(500) NOT NULL,
    phone           VARCHAR(40),
    email           VARCHAR(254),
    website         VARCHAR(200),
    currency        CHAR(3)      NOT NULL,
    updated_at      TIMESTAMP(3)  NULL
);

CREATE TABLE plan (
    code            VARCHAR(30)   NOT NULL PRIMARY KEY,
    name_en         VARCHAR(100)  NOT NULL,
    name_fr         VARCHAR(100)  NOT NULL,
    kind            VARCHAR(10)   NOT NULL,
    monthly_price   DECIMAL(12,2) NOT NULL,
    period_months   INT           NOT NULL,
    included_gb     DECIMAL(12,3),
    overage_per_gb  DECIMAL(12,4),
    per_minute      DECIMAL(12,4)
);

CREATE TABLE account (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_number      VARCHAR(20)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    customer_type       VARCHAR(12)  NOT NULL,
    language            CHAR(2)      NOT NULL,
    email               VARCHAR(254),
    delivery            VARCHAR(5)   NOT NULL,
    billing_line1       VARCHAR(200) NOT NULL,
    billing_line2       VARCHAR(200),
    billing_city        VARCHAR(100) NOT NULL,
    billing_region      VARCHAR(10)  NOT NULL,
    billing_postal_code VARCHAR(20)  NOT NULL,
    billing_country     CHAR(2)      NOT NULL,
    service_line1       VARCHAR(200) NOT NULL,
    service_city        VARCHAR(100) NOT NULL,
    service_county      VARCHAR(100),
    service_region      VARCHAR(10)  NOT NULL,
    service_postal_code VARCHAR(20),
    service_country     CHAR(2)      NOT NULL,
    -- first day of the next period to bill: the cycle bills accounts due on or before its date
    next_bill_date      DATE         NOT NULL,
    -- ACTIVE or DELINQUENT
    status              VARCHAR(12)  NOT NULL,
    status_since        DATE,
    CONSTRAINT uk_account_number UNIQUE (account_number)
);
CREATE INDEX ix_account_next_bill_date ON account (next_bill_date);

CREATE TABLE subscription (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    subscription_id VARCHAR(40)  NOT NULL,
    account_id      BIGINT       NOT NULL,
    plan_code       VARCHAR(30)  NOT NULL,
    start_date      DATE         NOT NULL,
    -- last day of service, inclusive; null while the service runs
    end_date        DATE,
    CONSTRAINT uk_subscription_id UNIQUE (subscription_id),
    CONSTRAINT fk_subscription_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_subscription_plan FOREIGN KEY (plan_code) REFERENCES plan (code)
);
CREATE INDEX ix_subscription_account ON subscription (account_id);

-- What the network equipment calls a service (RADIUS user name, phone number): how usage
-- records find their subscription.
CREATE TABLE service_identifier (
    service_id      VARCHAR(100) NOT NULL PRIMARY KEY,
    subscription_id BIGINT       NOT NULL,
    CONSTRAINT fk_service_identifier_subscription FOREIGN KEY (subscription_id) REFERENCES subscription (id)
);

CREATE TABLE tax_rate (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    country         CHAR(2)      NOT NULL,
    region          VARCHAR(10)  NOT NULL,
    tax_code        VARCHAR(10)  NOT NULL,
    name_en         VARCHAR(60)  NOT NULL,
    name_fr         VARCHAR(60)  NOT NULL,
    rate            DECIMAL(9,6) NOT NULL,
    registration    VARCHAR(40),
    CONSTRAINT uk_tax_rate UNIQUE (country, region, tax_code)
);

-- Every input file, by content: the same bytes twice are ingested once, whatever the name.
CREATE TABLE ingested_file (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(20)  NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    lines_read      BIGINT       NOT NULL,
    records_stored  BIGINT       NOT NULL,
    duplicates      BIGINT       NOT NULL,
    rejected        BIGINT       NOT NULL,
    ingested_at     TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uk_ingested_file UNIQUE (kind, sha256)
);

-- One record per usage event. status: NEW (ingested), RATED (matched to a subscription and
-- converted to billable units), UNMATCHED (no subscription has this service id: kept, reported,
-- rated again next run), BILLED (on an invoice).
CREATE TABLE usage_record (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    source          VARCHAR(50)  NOT NULL,
    record_id       VARCHAR(100) NOT NULL,
    service_id      VARCHAR(100) NOT NULL,
    usage_type      VARCHAR(5)   NOT NULL,
    start_time      TIMESTAMP(3)  NOT NULL,
    quantity        BIGINT       NOT NULL,
    file_id         BIGINT       NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    subscription_id BIGINT,
    account_id      BIGINT,
    billable_units  BIGINT,
    invoice_id      BIGINT,
    -- record_id first: ingestion looks records up by a batch of record ids
    CONSTRAINT uk_usage_record UNIQUE (record_id, source),
    CONSTRAINT fk_usage_file FOREIGN KEY (file_id) REFERENCES ingested_file (id)
);
CREATE INDEX ix_usage_status ON usage_record (status, id);
CREATE INDEX ix_usage_account ON usage_record (account_id, status);

-- An invoice. BILLED invoices are made by the cycle (one per account and cycle date);
-- IMPORTED ones are open invoices taken over from the previous system.
-- status: DRAFT (charged) -> TAXED -> ISSUED; HELD when it cannot be finished (hold_reason).
CREATE TABLE invoice (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_number   VARCHAR(40)   NOT NULL,
    account_id       BIGINT        NOT NULL,
    origin           VARCHAR(8)    NOT NULL,
    cycle_date       DATE,
    status           VARCHAR(8)    NOT NULL,
    hold_reason      VARCHAR(500),
    invoice_date     DATE          NOT NULL,
    due_date         DATE,
    period_start     DATE,
    period_end       DATE,
    language         CHAR(2)       NOT NULL,
    currency         CHAR(3)       NOT NULL,
    subtotal         DECIMAL(12,2),
    tax_total        DECIMAL(12,2),
    total            DECIMAL(12,2),
    previous_balance DECIMAL(12,2),
    amount_due       DECIMAL(12,2),
    amount_paid      DECIMAL(12,2) NOT NULL,
    pdf_path         VARCHAR(500),
    pdf_sha256       CHAR(64),
    rendered_at      TIMESTAMP(3)   NULL,
    CONSTRAINT uk_invoice_number UNIQUE (invoice_number),
    CONSTRAINT uk_invoice_account_cycle UNIQUE (account_id, cycle_date),
    CONSTRAINT fk_invoice_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_invoice_cycle_status ON invoice (cycle_date, status, account_id);
CREATE INDEX ix_invoice_open ON invoice (account_id, status, due_date);

-- Typed invoice lines (see LineType). line_key is stable across reruns.
CREATE TABLE invoice_line (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id      BIGINT        NOT NULL,
    line_no         INT           NOT NULL,
    line_type       VARCHAR(10)   NOT NULL,
    line_key        VARCHAR(120)  NOT NULL,
    description     VARCHAR(300)  NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    period_start    DATE,
    period_end      DATE,
    quantity        DECIMAL(18,4),
    unit            VARCHAR(10),
    unit_price      DECIMAL(12,4),
    amount          DECIMAL(12,2) NOT NULL,
    CONSTRAINT uk_invoice_line UNIQUE (invoice_id, line_key),
    CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);

-- The tax register: how each TAX line was computed, for remittance reports.
CREATE TABLE tax_line (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id      BIGINT        NOT NULL,
    country         CHAR(2)       NOT NULL,
    region          VARCHAR(10)   NOT NULL,
    tax_code        VARCHAR(10)   NOT NULL,
    rate            DECIMAL(9,6)  NOT NULL,
    taxable_base    DECIMAL(12,2) NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    CONSTRAINT uk_tax_line UNIQUE (invoice_id, tax_code),
    CONSTRAINT fk_tax_line_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);

CREATE TABLE payment (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    payment_ref     VARCHAR(60)   NOT NULL,
    account_id      BIGINT        NOT NULL,
    received_on     DATE          NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    method          VARCHAR(20),
    -- what no open invoice took: a credit on the account
    unapplied       DECIMAL(12,2) NOT NULL,
    file_id         BIGINT        NOT NULL,
    CONSTRAINT uk_payment_ref UNIQUE (payment_ref),
    CONSTRAINT fk_payment_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE TABLE payment_allocation (
    payment_id      BIGINT        NOT NULL,
    invoice_id      BIGINT        NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (payment_id, invoice_id),
    CONSTRAINT fk_allocation_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_allocation_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);

-- The account ledger: what the customer owes is the sum of its entries. Positive amounts
-- are owed (invoices, imported balances), negative ones are paid. One entry per source.
CREATE TABLE account_ledger (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT        NOT NULL,
    entry_date      DATE          NOT NULL,
    entry_type      VARCHAR(16)   NOT NULL,
    reference       VARCHAR(80)   NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    CONSTRAINT uk_ledger_entry UNIQUE (entry_type, reference),
    CONSTRAINT fk_ledger_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_ledger_account ON account_ledger (account_id);

-- A late fee assessed on an overdue invoice, once per invoice and policy. It is billed as a
-- LATE_FEE line on the account's next invoice (billed_invoice_id).
CREATE TABLE late_fee (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT        NOT NULL,
    invoice_id        BIGINT        NOT NULL,
    policy_code       VARCHAR(20)   NOT NULL,
    amount            DECIMAL(12,2) NOT NULL,
    assessed_on       DATE          NOT NULL,
    billed_invoice_id BIGINT,
    CONSTRAINT uk_late_fee UNIQUE (invoice_id, policy_code),
    CONSTRAINT fk_late_fee_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);
CREATE INDEX ix_late_fee_account ON late_fee (account_id, billed_invoice_id);

-- Account status changes (ACTIVE <-> DELINQUENT), one per account, day and new status.
CREATE TABLE delinquency_event (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT        NOT NULL,
    event_date      DATE          NOT NULL,
    from_status     VARCHAR(12)   NOT NULL,
    to_status       VARCHAR(12)   NOT NULL,
    overdue_amount  DECIMAL(12,2) NOT NULL,
    oldest_due_date DATE,
    CONSTRAINT uk_delinquency_event UNIQUE (account_id, event_date, to_status),
    CONSTRAINT fk_delinquency_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- The outbox: one row per invoice and channel, created with the invoice, sent by the handoff
-- step. idempotency_key (invoice number + channel) names the letter file, the email's
-- Message-ID and, later, Lob's Idempotency-Key header.
CREATE TABLE delivery (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id      BIGINT        NOT NULL,
    account_id      BIGINT        NOT NULL,
    channel         VARCHAR(10)   NOT NULL,
    idempotency_key VARCHAR(80)   NOT NULL,
    destination     VARCHAR(254),
    status          VARCHAR(8)    NOT NULL,
    attempts        INT           NOT NULL,
    provider_ref    VARCHAR(255),
    -- what was handed over: page count and SHA-256 of the document
    pages           INT,
    content_sha256  CHAR(64),
    last_error      VARCHAR(1000),
    sent_at         TIMESTAMP(3)   NULL,
    CONSTRAINT uk_delivery_key UNIQUE (idempotency_key),
    CONSTRAINT uk_delivery_channel UNIQUE (invoice_id, channel),
    CONSTRAINT fk_delivery_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);
CREATE INDEX ix_delivery_status ON delivery (status, account_id);
