-- Discounts, contract prices and quotes (issue 10).
-- MySQL/MariaDB: tables utf8mb4_bin, so keys compare byte for byte as on H2 (see V5).

-- A discount as the last import stated it: a percentage or a fixed amount off each term of the
-- plans of one subscription (subscription_id) or of every subscription of the account (null),
-- from start_date to end_date (inclusive; null: open-ended). What it took off each term is on
-- the invoice lines (item_discount_ref), so a discount changed later is netted, not re-billed.
CREATE TABLE discount (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    discount_ref    VARCHAR(16)   NOT NULL,
    account_id      BIGINT        NOT NULL,
    subscription_id VARCHAR(40),
    kind            VARCHAR(10)   NOT NULL,
    discount_value  DECIMAL(12,2) NOT NULL,
    start_date      DATE          NOT NULL,
    end_date        DATE,
    reason          VARCHAR(300),
    CONSTRAINT uk_discount_ref UNIQUE (discount_ref),
    CONSTRAINT fk_discount_account FOREIGN KEY (account_id) REFERENCES account (id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX ix_discount_account ON discount (account_id);

-- A DISCOUNT line's item: the discount it is about (with item_subscription_id, item_plan_code,
-- item_term_start, item_term_end as for a plan line). Null on every other line.
ALTER TABLE invoice_line ADD COLUMN item_discount_ref VARCHAR(16);

-- A subscription's own price of a whole term of its plan (a contract price), from a date.
CREATE TABLE subscription_price (
    subscription_id VARCHAR(40)   NOT NULL,
    plan_code       VARCHAR(30)   NOT NULL,
    price_from      DATE          NOT NULL,
    term_price      DECIMAL(12,2) NOT NULL,
    CONSTRAINT pk_subscription_price PRIMARY KEY (subscription_id, price_from),
    CONSTRAINT fk_subscription_price_plan FOREIGN KEY (plan_code) REFERENCES plan (code)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- Quotes for one-off work (installation, maintenance, parts), imported with import quotes, one
-- row per line. Once accepted (accepted_on), invoice-now bills a quote on an invoice of its own
-- (invoice.source 'QUOTE:<ref>'), outside the cycle; invoice_id is that invoice, set in the same
-- transaction that makes it, so a quote is invoiced once.
CREATE TABLE quote (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    quote_ref       VARCHAR(30)   NOT NULL,
    account_id      BIGINT        NOT NULL,
    quote_date      DATE          NOT NULL,
    accepted_on     DATE,
    invoice_id      BIGINT,
    CONSTRAINT uk_quote_ref UNIQUE (quote_ref),
    CONSTRAINT fk_quote_account FOREIGN KEY (account_id) REFERENCES account (id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE TABLE quote_line (
    quote_ref       VARCHAR(30)   NOT NULL,
    line_no         INT           NOT NULL,
    description_en  VARCHAR(200)  NOT NULL,
    description_fr  VARCHAR(200)  NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    tax_class       VARCHAR(30)   NOT NULL,
    CONSTRAINT pk_quote_line PRIMARY KEY (quote_ref, line_no)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- What made an invoice: the cycle ('CYCLE'), or a quote ('QUOTE:<ref>', by invoice-now). An account
-- has one invoice per cycle date and source, so a quote invoiced on a cycle's day does not
-- collide with the cycle's invoice. The cycle's steps take only CYCLE invoices, invoice-now's
-- only its account's quotes. The new key is made first: it serves the account's foreign key.
ALTER TABLE invoice ADD COLUMN source VARCHAR(40) NOT NULL DEFAULT 'CYCLE';
ALTER TABLE invoice ADD CONSTRAINT uk_invoice_account_cycle_source UNIQUE (account_id, cycle_date, source);
ALTER TABLE invoice DROP INDEX uk_invoice_account_cycle;
