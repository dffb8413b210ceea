-- MariaDB/MySQL compare strings case-insensitively by default, so record ids 'rec-a' and
-- 'REC-A' (or payment refs 'CASE-a' and 'CASE-A') would pass the duplicate checks, which
-- compare exactly, and then collide on the unique keys. Binary collation compares keys byte
-- for byte, as H2 and the Java checks do. Spring Batch's BATCH_ tables are left as they are.
-- subscription.plan_code references plan.code, and MariaDB refuses to change the collation of
-- a column in a foreign key: the key is dropped and made again.
ALTER TABLE subscription DROP FOREIGN KEY fk_subscription_plan;
ALTER TABLE company CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE plan CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE account CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE subscription CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE service_identifier CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE tax_rate CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE ingested_file CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE usage_record CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE invoice CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE invoice_line CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE tax_line CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE payment CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE payment_allocation CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE account_ledger CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE late_fee CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE delinquency_event CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE delivery CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE subscription ADD CONSTRAINT fk_subscription_plan FOREIGN KEY (plan_code) REFERENCES plan (code);
