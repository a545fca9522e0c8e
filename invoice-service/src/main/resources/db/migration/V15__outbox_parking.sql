-- A row the broker refuses for good (larger than a record may be, issue 17 item 4) is parked with
-- its error instead of failing the relay's batch every second for every tenant. The relay skips
-- parked rows and holds back only the later rows of the same topic and key, so a key's later
-- change (a revocation) is never published before its earlier one (the creation).
ALTER TABLE outbox
    ADD COLUMN parked_at  TIMESTAMPTZ,
    ADD COLUMN park_error TEXT;

CREATE INDEX outbox_parked ON outbox (topic, record_key, id) WHERE parked_at IS NOT NULL AND sent_at IS NULL;
