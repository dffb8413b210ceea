-- The minutes a voice plan includes each usage period, drawn on by the calls whose rate says
-- uses_included (VoiceCharger). NULL: none.
ALTER TABLE plan ADD COLUMN included_minutes INT;

-- A plan's price over time: a term pays the price in force on its first day, so a price raised
-- after a term was billed does not re-bill that term (the netting of RecurringCharger compares
-- what a term owes with what it was billed). The plan's term_price stays the latest price.
CREATE TABLE plan_price (
    plan_code      VARCHAR(30)   NOT NULL,
    effective_from DATE          NOT NULL,
    term_price     DECIMAL(12,2) NOT NULL,
    CONSTRAINT pk_plan_price PRIMARY KEY (plan_code, effective_from),
    CONSTRAINT fk_plan_price_plan FOREIGN KEY (plan_code) REFERENCES plan (code)
);
-- Today's prices have always been the prices.
INSERT INTO plan_price (plan_code, effective_from, term_price)
SELECT code, DATE '1900-01-01', term_price FROM plan;
