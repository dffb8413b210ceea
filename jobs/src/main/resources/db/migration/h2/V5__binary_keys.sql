-- Nothing to do on H2: it compares strings case-sensitively already, so keys differing only in
-- case ('rec-a', 'REC-A') are distinct here as in the Java duplicate checks. The MySQL/MariaDB
-- version of this migration switches the billing tables to binary collation to match.
SELECT 1;
