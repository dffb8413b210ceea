-- Money on written-off accounts (issue 13, review): recoveries, write-offs again, suspense in the books.

-- An invoice may be written off more than once: what a returned payment (or an invoice the review
-- gate released late) reopens on a written-off account is written off again, as write-off 2, 3...
-- of that invoice (reference WO-<invoice>-<n>; the first keeps WO-<invoice>).
ALTER TABLE write_off ADD COLUMN sequence_no INT DEFAULT 1 NOT NULL;
ALTER TABLE write_off ADD CONSTRAINT uk_write_off_invoice_seq UNIQUE (invoice_id, sequence_no);
-- (H2 keeps the old unique index for the foreign key that uses it: the key is dropped and made again)
ALTER TABLE write_off DROP CONSTRAINT fk_write_off_invoice;
ALTER TABLE write_off DROP CONSTRAINT uk_write_off_invoice;
ALTER TABLE write_off ADD CONSTRAINT fk_write_off_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id);

-- A bad-debt recovery: what a payment on a written-off account paid of a write-off (oldest first,
-- BadDebtRecovery). The invoice's amount_written_off goes down and its amount_paid up by it (the
-- payment_allocation row holds it, so a returned payment reopens it), and a RECOVERY ledger entry
-- of the payment's reference puts the recovered total back on the account before the payment
-- takes it off: the debt reinstated, then paid.
CREATE TABLE write_off_recovery (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    payment_id      BIGINT        NOT NULL,
    write_off_id    BIGINT        NOT NULL,
    invoice_id      BIGINT        NOT NULL,
    account_id      BIGINT        NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    recovered_on    DATE          NOT NULL,
    CONSTRAINT uk_recovery UNIQUE (payment_id, write_off_id),
    CONSTRAINT fk_recovery_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_recovery_write_off FOREIGN KEY (write_off_id) REFERENCES write_off (id),
    CONSTRAINT fk_recovery_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id),
    CONSTRAINT fk_recovery_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_recovery_write_off ON write_off_recovery (write_off_id);

-- Suspense money is journalled on receipt now (cash / unapplied cash, source SUSPENSE) and a
-- suspense line's reversal too (unapplied cash / cash). What was in suspense before this version
-- and has left it (assigned and its payment journalled as cash, or returned) is in the books as it
-- was: marked posted by no run (rerun -1), as V18 did.
INSERT INTO journal_posting (source_type, source_ref, cycle_date, rerun)
SELECT 'SUSPENSE', s.payment_ref, s.received_on, -1 FROM payment_suspense s
WHERE s.status = 'REVERSED'
   OR (s.status = 'ASSIGNED' AND EXISTS (SELECT 1 FROM payment p JOIN journal_posting j
        ON j.source_type = 'PAYMENT' AND j.source_ref = p.payment_ref WHERE p.id = s.payment_id));
INSERT INTO journal_posting (source_type, source_ref, cycle_date, rerun)
SELECT 'REVERSAL', r.reversal_ref, r.received_on, -1 FROM payment_reversal r
WHERE r.suspense_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM journal_posting j WHERE j.source_type = 'REVERSAL' AND j.source_ref = r.reversal_ref);
