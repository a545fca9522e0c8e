-- Catalog: a tenant's meters (immutable once created), behind row-level security.

CREATE TABLE meters (
    tenant          TEXT        NOT NULL,
    meter_key       TEXT        NOT NULL,
    name            TEXT,
    event_type      TEXT        NOT NULL,
    aggregation     TEXT        NOT NULL CHECK (aggregation IN ('sum', 'count', 'max', 'min', 'latest', 'unique_count')),
    value_property  TEXT,
    group_by        TEXT[]      NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, meter_key),
    CHECK (aggregation = 'count' OR value_property IS NOT NULL)
);

CREATE INDEX meters_by_creation ON meters (tenant, created_at, meter_key);

GRANT SELECT, INSERT ON meters TO valora_tenant;
ALTER TABLE meters ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meters TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
