-- Issue 9: deliveries handed over by several couriers (Lob, the mail-vendor batch, SMTP, .eml
-- files). ATTENTION (a delivery the provider would refuse, or refused, for a reason a person
-- must fix) does not fit the old VARCHAR(8). The table's binary collation (V5) carries over.
ALTER TABLE delivery MODIFY status VARCHAR(12) NOT NULL;
-- Which courier handed the row over (or tried last): lob, mail-vendor, smtp, eml.
ALTER TABLE delivery ADD COLUMN courier VARCHAR(20) NULL;
-- Every row sent before this version went out as a file: letters to the mail vendor, emails as .eml.
UPDATE delivery SET courier = CASE channel WHEN 'PRINT' THEN 'mail-vendor' ELSE 'eml' END WHERE status = 'SENT';
