-- The charge step reads an account's usage by (account_id, status) and a time: its RATED records
-- started before the next bill date, the BILLED calls of the periods it bills (included minutes
-- they used), and marks them BILLED by the same three. With start_time in the index the BILLED
-- calls of one month are a range instead of every record the account was ever billed, which grows
-- with each cycle (issue 15). It replaces ix_usage_account, its prefix.
-- One statement: MySQL commits each DDL statement on its own, so two would leave a half-done
-- migration behind a kill (the index made, Flyway's record not) that no restart could get past.
ALTER TABLE usage_record ADD INDEX ix_usage_account_time (account_id, status, start_time),
    DROP INDEX ix_usage_account;

