-- Periods the scheduler could not close (issue 17 item 3). One row per (tenant, subscription,
-- period): the last error, how often it failed, and when it is tried again. The scheduler skips a
-- row's period until retry_at, so one failing subscription no longer holds up everyone else's
-- close; the row goes once the period closes. Tenants read their own rows (GET
-- /v1/invoices/close-failures); only the service writes them.
CREATE TABLE close_failures (
    tenant           TEXT        NOT NULL,
    subscription     TEXT        NOT NULL,
    period_start     TIMESTAMPTZ NOT NULL,
    period_end       TIMESTAMPTZ NOT NULL,
    attempts         INT         NOT NULL,
    error            TEXT        NOT NULL,
    first_failed_at  TIMESTAMPTZ NOT NULL,
    last_failed_at   TIMESTAMPTZ NOT NULL,
    retry_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, subscription, period_start)
);

GRANT SELECT ON close_failures TO valora_tenant;
ALTER TABLE close_failures ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON close_failures TO valora_tenant
    USING (tenant = current_setting('app.tenant', true));
