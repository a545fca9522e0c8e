-- Row-level security as the wall, not a backstop (issue 17 item 11). Until now the service
-- connected as the tables' owner, which RLS ignores unless FORCEd, no table was forced, and
-- carried_charges had no policy at all. From here on three kinds of database role exist:
--   the owner           runs these migrations only (valora.db.migration.*);
--   valora_tenant       request paths: a login role that is a member of it (valora.db.user), with
--                       app.tenant set per transaction; sees one tenant's rows;
--   valora_system       cross-tenant work (rated-charge consumer, outbox relay, close scheduler's
--                       scans, API-key lookup): a login role that is a member of it
--                       (valora.db.system.user), on its own connection pool; sees every row
--                       through the explicit system_access policies below (no BYPASSRLS needed,
--                       so it works where only a superuser could grant BYPASSRLS).
-- Every tenant table is ENABLE + FORCE ROW LEVEL SECURITY, so even the owner sees nothing that a
-- policy does not admit. The owner keeps a policy of its own (migration_access), so a later data
-- migration still sees every row. The migration user needs CREATEROLE, or a DBA creates
-- valora_system (NOLOGIN) beforehand (see invoice-service README, Database roles).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'valora_system') THEN
        CREATE ROLE valora_system NOLOGIN;
    END IF;
END
$$;

-- carried_charges (V16) had no policy: tenant sessions now carry late changes themselves.
GRANT SELECT, INSERT, UPDATE ON carried_charges TO valora_tenant;
CREATE POLICY tenant_isolation ON carried_charges TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));

-- What the cross-tenant work reads and writes, nothing more.
GRANT SELECT ON rated_charges, invoices, invoice_lines, tenants, api_keys, outbox, invoice_counters, customers, meters,
    plans, subscriptions, subscription_schedule, close_failures, carried_charges TO valora_system;
GRANT INSERT, UPDATE ON rated_charges TO valora_system;
GRANT UPDATE, DELETE ON outbox TO valora_system;
GRANT INSERT, UPDATE, DELETE ON close_failures TO valora_system;
GRANT USAGE ON SEQUENCE charge_revisions TO valora_system;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['rated_charges', 'invoices', 'invoice_lines', 'tenants', 'api_keys', 'outbox',
            'invoice_counters', 'customers', 'meters', 'plans', 'subscriptions', 'subscription_schedule',
            'close_failures', 'carried_charges'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY system_access ON %I TO valora_system USING (true) WITH CHECK (true)', t);
        EXECUTE format('CREATE POLICY migration_access ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
    END LOOP;
END
$$;

-- The close refreshes planner statistics every few chunks (CloseStatistics); ANALYZE needs the
-- owner, so the system role gets exactly this, and nothing else of the owner's.
CREATE FUNCTION valora_analyze_close_tables() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    ANALYZE invoices, invoice_lines, outbox, subscription_schedule;
$$;
REVOKE ALL ON FUNCTION valora_analyze_close_tables() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION valora_analyze_close_tables() TO valora_system;
