-- Penalty classes (issue 13): how late fees are computed, per class assigned to accounts; an
-- account without one pays the company default (billing.late-fee.default-class). See
-- ca.isp.billing.domain.PenaltyClass. penalised_kinds: line types separated by '|'.
CREATE TABLE penalty_class (
    code             VARCHAR(20)   NOT NULL PRIMARY KEY,
    method           VARCHAR(10)   NOT NULL,
    percent_rate     DECIMAL(7,4)  NOT NULL,
    flat_fee         DECIMAL(12,2) NOT NULL,
    minimum_fee      DECIMAL(12,2) NOT NULL,
    maximum_fee      DECIMAL(12,2),
    grace_days       INT           NOT NULL,
    minimum_overdue  DECIMAL(12,2) NOT NULL,
    penalised_kinds  VARCHAR(80)   NOT NULL,
    each_period      BOOLEAN       NOT NULL
);

ALTER TABLE account ADD COLUMN penalty_class VARCHAR(20);
ALTER TABLE account ADD CONSTRAINT fk_account_penalty_class FOREIGN KEY (penalty_class) REFERENCES penalty_class (code);

-- At most one fee per overdue invoice per period it stays overdue (period 0 is the first fee),
-- whatever the class: a class changed in between does not charge the same period twice.
ALTER TABLE late_fee ADD COLUMN period_no INT DEFAULT 0 NOT NULL;
CREATE UNIQUE INDEX uk_late_fee_period ON late_fee (invoice_id, period_no);
ALTER TABLE late_fee DROP CONSTRAINT uk_late_fee;

-- The collections calendar's exclusion dates (import exclusion-dates): no account turns
-- delinquent or is suspended on them. A yearly one is stored on its day of year 2000 (a leap
-- year, so 02-29 can be given).
CREATE TABLE collections_exclusion (
    on_date          DATE          NOT NULL,
    yearly           BOOLEAN       NOT NULL,
    name             VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_collections_exclusion PRIMARY KEY (on_date, yearly)
);
