-- What "open" means, written once: an issued invoice not paid in full, and what is left to pay
-- on it (its total less what payments and credits allocated to it). Payments allocate to open
-- invoices, late fees are assessed on them, delinquency sums them.
CREATE VIEW open_invoice AS
SELECT id, account_id, invoice_number, invoice_date, due_date, total - amount_paid AS open_amount
FROM invoice
WHERE status = 'ISSUED' AND total > amount_paid;
