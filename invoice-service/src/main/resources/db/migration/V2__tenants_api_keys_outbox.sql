-- Tenants, their API keys (hashed), and the transactional outbox that carries every change the
-- other services must learn about (api-keys, invoice-events, ...) to Kafka.

CREATE TABLE tenants (
    id          TEXT        PRIMARY KEY,
    name        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Only the SHA-256 of a key is stored (lower-case hex); the key text is shown once, at creation.
CREATE TABLE api_keys (
    id          TEXT        PRIMARY KEY,
    tenant      TEXT        NOT NULL REFERENCES tenants (id),
    key_hash    TEXT        NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    name        TEXT        NOT NULL,
    scopes      TEXT[]      NOT NULL CHECK (scopes <@ ARRAY['ingest', 'read', 'admin']::TEXT[] AND cardinality(scopes) > 0),
    revoked     BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX api_keys_by_tenant ON api_keys (tenant, created_at, id);

-- One row per record to publish, written in the same transaction as the change it announces.
-- The relay publishes unsent rows in id order and sets sent_at; a NULL payload is a tombstone.
CREATE TABLE outbox (
    id          BIGSERIAL   PRIMARY KEY,
    tenant      TEXT        NOT NULL,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    payload     BYTEA,
    created_at  TIMESTAMPTZ NOT NULL,
    sent_at     TIMESTAMPTZ
);

CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;
