-- Invoice life cycle (draft -> finalized -> paid | void) and per-tenant, gapless invoice numbers.

-- The last number given per tenant. Its row is locked by the transaction that creates an
-- invoice, so numbers are handed out one at a time and a rolled-back transaction gives its
-- number back: sequential and gapless.
CREATE TABLE invoice_counters (
    tenant       TEXT   PRIMARY KEY,
    last_number  BIGINT NOT NULL CHECK (last_number >= 0)
);

ALTER TABLE invoices
    ADD COLUMN number            BIGINT,
    ADD COLUMN finalized_at      TIMESTAMPTZ,
    ADD COLUMN paid_at           TIMESTAMPTZ,
    ADD COLUMN voided_at         TIMESTAMPTZ,
    ADD COLUMN payment_reference TEXT;

-- Number the invoices written before this migration, oldest first.
UPDATE invoices i SET number = n.number
FROM (SELECT id, row_number() OVER (PARTITION BY tenant ORDER BY created_at, id) AS number FROM invoices) n
WHERE i.id = n.id;
INSERT INTO invoice_counters (tenant, last_number) SELECT tenant, max(number) FROM invoices GROUP BY tenant;

ALTER TABLE invoices ALTER COLUMN number SET NOT NULL;
ALTER TABLE invoices ADD CONSTRAINT invoices_number_unique UNIQUE (tenant, number);

-- Second wall behind the application's state machine: only the legal transitions, and nothing
-- but the status fields ever changes once an invoice has left draft.
CREATE FUNCTION invoices_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> NEW.status AND NOT ((OLD.status = 'draft' AND NEW.status IN ('finalized', 'void'))
            OR (OLD.status = 'finalized' AND NEW.status IN ('paid', 'void'))) THEN
        RAISE EXCEPTION 'invoice % cannot go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.status <> 'draft' AND (NEW.tenant, NEW.customer, NEW.period_start, NEW.period_end, NEW.currency,
            NEW.subtotal_minor, NEW.total_minor, NEW.number)
            IS DISTINCT FROM (OLD.tenant, OLD.customer, OLD.period_start, OLD.period_end, OLD.currency,
            OLD.subtotal_minor, OLD.total_minor, OLD.number) THEN
        RAISE EXCEPTION 'invoice % is % and immutable', OLD.id, OLD.status USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER invoices_guard BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_guard();

CREATE FUNCTION invoice_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    invoice_status TEXT;
BEGIN
    SELECT status INTO invoice_status FROM invoices WHERE id = COALESCE(NEW.invoice_id, OLD.invoice_id);
    IF invoice_status IS NOT NULL AND invoice_status <> 'draft' THEN
        RAISE EXCEPTION 'lines of invoice % are immutable: it is %', COALESCE(NEW.invoice_id, OLD.invoice_id), invoice_status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN COALESCE(NEW, OLD);
END
$$;

CREATE TRIGGER invoice_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION invoice_lines_guard();

GRANT SELECT, INSERT, UPDATE ON invoice_counters TO valora_tenant;
ALTER TABLE invoice_counters ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice_counters TO valora_tenant
    USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
