-- MySQL/MariaDB: as the H2 version, with binary collation (see V5).
-- Partial chargebacks (issue 13): a payment may be reversed in parts (domain.PaymentReversal),
-- the parts adding up to at most its amount, so one payment may have several reversals.
ALTER TABLE payment_reversal DROP INDEX uk_reversal_of;
CREATE INDEX ix_reversal_payment ON payment_reversal (payment_id);
