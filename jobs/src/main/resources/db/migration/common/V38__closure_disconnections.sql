-- A closed account's services go to provisioning once, on out/provisioning/<date>/disconnections.csv
-- of the first cycle or collections date on or after the closure was asked for: that date is stamped
-- here by the run that lists it, so running the date again rebuilds the same list (NULL: not listed yet).
ALTER TABLE account_closure ADD COLUMN disconnection_listed_on DATE;
CREATE INDEX ix_closure_disconnection ON account_closure (disconnection_listed_on);
