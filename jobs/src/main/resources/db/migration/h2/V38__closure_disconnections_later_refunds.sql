-- A closed account's services go to provisioning once, on out/provisioning/<date>/disconnections.csv
-- of the first cycle or collections date on or after the closure was asked for: that date is stamped
-- here by the run that lists it, so running the date again rebuilds the same list (NULL: not listed yet).
ALTER TABLE account_closure ADD COLUMN disconnection_listed_on DATE;
CREATE INDEX ix_closure_disconnection ON account_closure (disconnection_listed_on);

-- Money that arrives after a closure was settled by a refund is paid back by close-account run
-- again: a second (third...) refund of the account, numbered. One refund per account and number.
ALTER TABLE refund ADD COLUMN sequence_no INT DEFAULT 1 NOT NULL;
-- (H2 keeps the unique index of uk_refund_account for the foreign key when only the constraint is
-- dropped: the foreign key goes first and comes back on the new key's index)
ALTER TABLE refund DROP CONSTRAINT fk_refund_account;
ALTER TABLE refund DROP CONSTRAINT uk_refund_account;
ALTER TABLE refund ADD CONSTRAINT uk_refund_account_sequence UNIQUE (account_id, sequence_no);
ALTER TABLE refund ADD CONSTRAINT fk_refund_account FOREIGN KEY (account_id) REFERENCES account (id);
