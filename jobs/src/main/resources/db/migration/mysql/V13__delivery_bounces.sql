-- Issue 9: an email the mail server accepted (250) and that bounced later, as a delivery status
-- notification in the bounce mailbox, is ATTENTION with bounced_at set: a rerun sends it again
-- only once the account's email address has changed. DATETIME like every time column (V3).
ALTER TABLE delivery ADD COLUMN bounced_at DATETIME(3) NULL;
-- A notification names the bounced email by its Message-ID, the delivery's provider_ref.
CREATE INDEX ix_delivery_provider_ref ON delivery (provider_ref);
