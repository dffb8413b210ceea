-- Issue 10: plans, terms and proration (RecurringCharger). See docs/RECURRING-CHARGES.md.

-- The account's bill day (1-31): the anchor, never a clamped date, so a bill day of 31 stays 31
-- after February. Existing accounts take the day of their next bill date.
ALTER TABLE account ADD COLUMN bill_day INT;
UPDATE account SET bill_day = EXTRACT(DAY FROM next_bill_date);
ALTER TABLE account ALTER COLUMN bill_day SET NOT NULL;
-- The first day this system bills with RecurringCharger: a term whose service began before it,
-- and that it has no billed item for, was billed by the previous system (or by this one before
-- this version). An existing account's next bill date.
ALTER TABLE account ADD COLUMN billing_start DATE;
UPDATE account SET billing_start = next_bill_date;
ALTER TABLE account ALTER COLUMN billing_start SET NOT NULL;

-- Bill-day changes: from effective_from on, the account is billed on bill_day.
CREATE TABLE account_bill_day_change (
    account_id      BIGINT NOT NULL,
    effective_from  DATE   NOT NULL,
    bill_day        INT    NOT NULL,
    PRIMARY KEY (account_id, effective_from),
    CONSTRAINT fk_bill_day_change_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- A plan's price is the price of its whole term of period_months (1, 2, 3, 6 or 12) months:
-- today's monthly price times the months. monthly_price stays, for the files that still give it.
ALTER TABLE plan ADD COLUMN term_price DECIMAL(12,2);
UPDATE plan SET term_price = monthly_price * period_months;
ALTER TABLE plan ALTER COLUMN term_price SET NOT NULL;
-- The plan's choice to keep billing a suspended service (a line kept) or not (a seasonal hold).
ALTER TABLE plan ADD COLUMN bills_while_suspended BOOLEAN DEFAULT FALSE NOT NULL;

-- How many units (lines, addresses, seats) a subscription bills from its start.
ALTER TABLE subscription ADD COLUMN quantity INT DEFAULT 1 NOT NULL;
-- Its later changes, as the last import stated them: PLAN (plan_code from effective_from),
-- QUANTITY (quantity from effective_from), SUSPENSION (from effective_from to until_date, the day
-- of reactivation, null while suspended).
CREATE TABLE subscription_change (
    subscription_id BIGINT      NOT NULL,
    change_type     VARCHAR(10) NOT NULL,
    effective_from  DATE        NOT NULL,
    until_date      DATE,
    plan_code       VARCHAR(30),
    quantity        INT,
    PRIMARY KEY (subscription_id, change_type, effective_from),
    CONSTRAINT fk_subscription_change_subscription FOREIGN KEY (subscription_id) REFERENCES subscription (id),
    CONSTRAINT fk_subscription_change_plan FOREIGN KEY (plan_code) REFERENCES plan (code)
);

-- What a RECURRING or CREDIT line billed, so the next run bills only the difference: the
-- subscription, plan and term [item_term_start, item_term_end).
ALTER TABLE invoice_line ADD COLUMN item_subscription_id VARCHAR(40);
ALTER TABLE invoice_line ADD COLUMN item_plan_code VARCHAR(30);
ALTER TABLE invoice_line ADD COLUMN item_term_start DATE;
ALTER TABLE invoice_line ADD COLUMN item_term_end DATE;
CREATE INDEX ix_invoice_line_item ON invoice_line (item_subscription_id);

-- Lines billed before: RECURRING:<subscription>:<first day>, for the period [period_start,
-- period_end], on the subscription's plan. Where the term is the one RecurringCharger bills, the
-- line becomes its billed item, so a change learnt now repairs it: a monthly plan's month ending
-- the day after period_end and starting on the account's bill day (a stub of it started later).
-- Multi-month terms ran from the subscription's start, which no term of the new rules does: those
-- lines are left without an item (their terms count as billed by the previous version).
UPDATE invoice_line SET item_subscription_id = SUBSTRING(line_key, 11, CHAR_LENGTH(line_key) - 21)
    WHERE line_type = 'RECURRING' AND line_key LIKE 'RECURRING:%:____-__-__' AND period_end IS NOT NULL;
UPDATE invoice_line l SET item_plan_code = (SELECT s.plan_code FROM subscription s
    WHERE s.subscription_id = l.item_subscription_id) WHERE item_subscription_id IS NOT NULL;
UPDATE invoice_line l SET item_plan_code = NULL WHERE item_plan_code IS NOT NULL
    AND (SELECT p.period_months FROM plan p WHERE p.code = l.item_plan_code) <> 1;
UPDATE invoice_line SET item_subscription_id = NULL WHERE item_plan_code IS NULL;
UPDATE invoice_line l SET item_term_end = DATEADD(DAY, 1, period_end),
    item_term_start = DATEADD(MONTH, -1, DATEADD(DAY, 1, period_end))
    WHERE item_subscription_id IS NOT NULL;
-- and only where the month starts on the account's bill day
UPDATE invoice_line l SET item_subscription_id = NULL, item_plan_code = NULL, item_term_start = NULL,
    item_term_end = NULL
    WHERE item_subscription_id IS NOT NULL AND EXTRACT(DAY FROM item_term_start) <> (SELECT a.bill_day FROM account a
        JOIN subscription s ON s.account_id = a.id WHERE s.subscription_id = l.item_subscription_id);

-- One-time charges and credits (import charges), each billed once, on the account's first
-- invoice whose cycle date is on or after charge_date (billed_invoice_id). A negative amount is a
-- credit.
CREATE TABLE one_time_charge (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    charge_ref        VARCHAR(60)   NOT NULL,
    account_id        BIGINT        NOT NULL,
    charge_date       DATE          NOT NULL,
    amount            DECIMAL(12,2) NOT NULL,
    description_en    VARCHAR(200)  NOT NULL,
    description_fr    VARCHAR(200)  NOT NULL,
    reason            VARCHAR(300),
    billed_invoice_id BIGINT,
    CONSTRAINT uk_one_time_charge UNIQUE (charge_ref),
    CONSTRAINT fk_one_time_charge_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_one_time_charge_account ON one_time_charge (account_id, billed_invoice_id);
