-- An account's (and an invoice's) language may be 'bilingual': English and French side by side on
-- the same invoice (templates/invoice/layout_bilingual.txt). A bilingual line's description holds
-- both languages (the English, a thin-space slash, the French), so it gets twice the room.
ALTER TABLE account MODIFY language VARCHAR(9) NOT NULL;
ALTER TABLE invoice MODIFY language VARCHAR(9) NOT NULL;
ALTER TABLE invoice_line MODIFY description VARCHAR(610) NOT NULL;
