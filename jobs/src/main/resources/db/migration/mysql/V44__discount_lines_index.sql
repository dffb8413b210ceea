-- What each discount took off before: the discount lines of an account's invoices, found without
-- reading every other line those invoices have (their number grows with each cycle).
CREATE INDEX ix_invoice_line_discount ON invoice_line (invoice_id, item_discount_ref);
