-- The scheduler's work list moves to a narrow table of its own. Closing a period moves the
-- subscription's next_period_end on; in the subscriptions row (wide: phases JSONB, five indexes)
-- that rewrote the whole row and every index entry per closed invoice. Here it is a row of three
-- columns and two indexes, the due index in the order the scheduler reads it (no sort per chunk).

CREATE TABLE subscription_schedule (
    tenant           TEXT        NOT NULL,
    id               TEXT        NOT NULL,
    -- End of the first billing period not closed yet by the scheduler; 'infinity' once ended.
    next_period_end  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, id),
    FOREIGN KEY (tenant, id) REFERENCES subscriptions (tenant, id)
);

INSERT INTO subscription_schedule (tenant, id, next_period_end) SELECT tenant, id, next_period_end FROM subscriptions;
CREATE INDEX subscription_schedule_due ON subscription_schedule (next_period_end, tenant, id);
ALTER TABLE subscriptions DROP COLUMN next_period_end;

GRANT SELECT, INSERT, UPDATE ON subscription_schedule TO valora_tenant;
ALTER TABLE subscription_schedule ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON subscription_schedule TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
