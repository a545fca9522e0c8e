-- Catalog: a tenant's customers (external id, time zone, currency), behind row-level security.

CREATE TABLE customers (
    tenant       TEXT        NOT NULL,
    external_id  TEXT        NOT NULL,
    name         TEXT,
    time_zone    TEXT        NOT NULL,
    currency     CHAR(3)     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, external_id)
);

CREATE INDEX customers_by_creation ON customers (tenant, created_at, external_id);

GRANT SELECT, INSERT, UPDATE ON customers TO valora_tenant;
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customers TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
