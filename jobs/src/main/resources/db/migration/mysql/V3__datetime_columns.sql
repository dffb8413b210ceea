-- MySQL's TIMESTAMP ends in 2038 and is shifted by the session time zone; billing times are
-- the ISP's local times, so MySQL keeps them as DATETIME. (H2 has no DATETIME type in its
-- regular mode, hence TIMESTAMP in the common migration.)
ALTER TABLE company MODIFY updated_at DATETIME(3) NULL;
ALTER TABLE ingested_file MODIFY ingested_at DATETIME(3) NOT NULL;
ALTER TABLE usage_record MODIFY start_time DATETIME(3) NOT NULL;
ALTER TABLE invoice MODIFY rendered_at DATETIME(3) NULL;
ALTER TABLE delivery MODIFY sent_at DATETIME(3) NULL;
