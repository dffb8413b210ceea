-- Issue 9: deliveries handed over by several couriers (Lob, the mail-vendor batch, SMTP, .eml
-- files). ATTENTION (a delivery the provider would refuse, or refused, for a reason a person
-- must fix) does not fit the old VARCHAR(8).
ALTER TABLE delivery ALTER COLUMN status SET DATA TYPE VARCHAR(12);
-- Which courier handed the row over (or tried last): lob, mail-vendor, smtp, eml.
ALTER TABLE delivery ADD COLUMN courier VARCHAR(20);
-- Every row sent before this version went out as a file: letters to the mail vendor, emails as .eml.
UPDATE delivery SET courier = CASE channel WHEN 'PRINT' THEN 'mail-vendor' ELSE 'eml' END WHERE status = 'SENT';
