-- Nothing to change on H2: see mysql/V3__datetime_columns.sql (kept so both vendors share version numbers).
SELECT 1;
