-- The usage records an invoice billed: the review gate sums them per invoice (a page of invoices
-- at a time), and voiding an invoice frees them. Without it each lookup read every usage record.
CREATE INDEX ix_usage_invoice ON usage_record (invoice_id);
