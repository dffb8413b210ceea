-- A quote invoice voided by review (run.sh review --void) gives its quote back: quote.invoice_id
-- is cleared, so invoice-now bills the quote again (once). Each time is recorded here: the quote,
-- the voided invoice, its credit note, who and why. The H2 version differs by TIMESTAMP and
-- collation only.
CREATE TABLE quote_reopened (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    quote_id           BIGINT        NOT NULL,
    voided_invoice_id  BIGINT        NOT NULL,
    credit_note        VARCHAR(40)   NOT NULL,
    reopened_by        VARCHAR(100)  NOT NULL,
    reopened_at        DATETIME(3)   NOT NULL,
    reason             VARCHAR(500)  NOT NULL,
    CONSTRAINT uk_quote_reopened_invoice UNIQUE (voided_invoice_id),
    CONSTRAINT fk_quote_reopened_quote FOREIGN KEY (quote_id) REFERENCES quote (id),
    CONSTRAINT fk_quote_reopened_invoice FOREIGN KEY (voided_invoice_id) REFERENCES invoice (id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- Penalty classes imported with penalised_kinds CHARGES before discounts existed were stored as
-- the expansion of that time, RECURRING|USAGE|ONE_TIME|CREDIT, without DISCOUNT: a discounted
-- customer's late fee was on the price before the discount. CHARGES is now stored as the alias
-- and expanded when read (PenaltyClasses), so what it means follows the line kinds. A class that
-- listed exactly those four kinds by hand cannot be told apart and becomes CHARGES too.
UPDATE penalty_class SET penalised_kinds = 'CHARGES' WHERE penalised_kinds = 'RECURRING|USAGE|ONE_TIME|CREDIT';
