-- Row-level security: the second wall between tenants. Tenant-scoped transactions run as the
-- non-owner role valora_tenant with app.tenant set (SET LOCAL, see TenantSession); the policies
-- below admit only that tenant's rows. The owner role (consumer, relay, key lookup) bypasses them.
-- The migration user needs CREATEROLE, or a DBA creates valora_tenant (NOLOGIN) beforehand.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'valora_tenant') THEN
        CREATE ROLE valora_tenant NOLOGIN;
    END IF;
END
$$;

-- The service's own user must be allowed to SET ROLE valora_tenant.
DO $$
BEGIN
    EXECUTE format('GRANT valora_tenant TO %I', current_user);
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON rated_charges, invoices, invoice_lines, api_keys TO valora_tenant;
GRANT SELECT, INSERT ON tenants TO valora_tenant;
GRANT INSERT ON outbox TO valora_tenant;
GRANT USAGE ON SEQUENCE outbox_id_seq, charge_revisions TO valora_tenant;

ALTER TABLE rated_charges ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON rated_charges TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
CREATE POLICY tenant_isolation ON invoices TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
CREATE POLICY tenant_isolation ON invoice_lines TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
CREATE POLICY tenant_isolation ON api_keys TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
CREATE POLICY tenant_isolation ON tenants TO valora_tenant
    USING (id = current_setting('app.tenant', true)) WITH CHECK (id = current_setting('app.tenant', true));
CREATE POLICY tenant_isolation ON outbox TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
