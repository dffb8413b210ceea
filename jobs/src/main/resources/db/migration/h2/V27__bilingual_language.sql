-- An account's (and an invoice's) language may be 'bilingual': English and French side by side on
-- the same invoice (templates/invoice/layout_bilingual.txt). A bilingual line's description holds
-- both languages (the English, a thin-space slash, the French), so it gets twice the room.
ALTER TABLE account ALTER COLUMN language SET DATA TYPE VARCHAR(9);
ALTER TABLE invoice ALTER COLUMN language SET DATA TYPE VARCHAR(9);
ALTER TABLE invoice_line ALTER COLUMN description SET DATA TYPE VARCHAR(610);
