-- Catalog: subscriptions with their plan phases, behind row-level security.

CREATE TABLE subscriptions (
    tenant           TEXT        NOT NULL,
    id               TEXT        NOT NULL,
    external_id      TEXT,
    customer         TEXT        NOT NULL,
    time_zone        TEXT        NOT NULL,
    cadence          TEXT        NOT NULL,
    anchor           TEXT        NOT NULL,
    start_at         TIMESTAMPTZ NOT NULL,
    end_at           TIMESTAMPTZ,
    trial_end_at     TIMESTAMPTZ,
    -- [{"plan", "planVersion", "from", "until"}], ascending and contiguous, the first from start_at.
    phases           JSONB       NOT NULL,
    -- End of the first billing period the scheduler has not closed yet: the scheduler's work list
    -- is "next_period_end <= now", one indexed range scan however many subscriptions there are.
    next_period_end  TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, id),
    UNIQUE (tenant, external_id)
);

CREATE INDEX subscriptions_by_creation ON subscriptions (tenant, created_at, id);
CREATE INDEX subscriptions_by_customer ON subscriptions (tenant, customer, created_at, id);
CREATE INDEX subscriptions_due ON subscriptions (next_period_end);

GRANT SELECT, INSERT, UPDATE ON subscriptions TO valora_tenant;
ALTER TABLE subscriptions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON subscriptions TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
