-- Inbox files are looked up by name too (a reused name gets a distinct archive name).
CREATE INDEX ix_ingested_file_name ON ingested_file (file_name);
