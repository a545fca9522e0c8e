-- Catalog: plan versions (immutable once written: an edit inserts version N+1) and meter filters.

CREATE TABLE plans (
    tenant      TEXT        NOT NULL,
    plan_key    TEXT        NOT NULL,
    version     INT         NOT NULL CHECK (version >= 1),
    currency    CHAR(3)     NOT NULL,
    cadence     TEXT        NOT NULL,
    -- The whole version as its Avro Plan record (single-object encoding): exactly what is published
    -- on the plans topic, so the service and rating read the very same price models.
    record      BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, plan_key, version)
);

CREATE INDEX plans_by_creation ON plans (tenant, plan_key, version DESC);

-- A published version never changes: only inserts are granted, and a trigger refuses updates.
CREATE FUNCTION plans_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'plan % version % is published and immutable; create a new version', OLD.plan_key, OLD.version
        USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER plans_immutable BEFORE UPDATE ON plans FOR EACH ROW EXECUTE FUNCTION plans_immutable();

GRANT SELECT, INSERT ON plans TO valora_tenant;
ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plans TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));

-- Meter v2: only events whose data has each path equal to the value are counted.
ALTER TABLE meters ADD COLUMN filters JSONB NOT NULL DEFAULT '{}';
