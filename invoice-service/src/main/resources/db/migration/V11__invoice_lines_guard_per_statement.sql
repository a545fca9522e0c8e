-- The guard that keeps a finalized invoice's lines immutable (V4) ran once per line and looked the
-- invoice up each time: thousands of lookups per batched close. It now runs once per statement over
-- the statement's rows (transition tables), with the same rule: lines may only be added, changed or
-- removed while their invoice is a draft.

DROP TRIGGER invoice_lines_guard ON invoice_lines;
DROP FUNCTION invoice_lines_guard();

CREATE FUNCTION invoice_lines_guard_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    frozen TEXT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT i.id || ' is ' || i.status INTO frozen FROM old_rows r JOIN invoices i ON i.id = r.invoice_id
            WHERE i.status <> 'draft' LIMIT 1;
    ELSE
        SELECT i.id || ' is ' || i.status INTO frozen FROM new_rows r JOIN invoices i ON i.id = r.invoice_id
            WHERE i.status <> 'draft' LIMIT 1;
    END IF;
    IF frozen IS NOT NULL THEN
        RAISE EXCEPTION 'lines of invoice % and immutable', frozen USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_lines_guard_insert AFTER INSERT ON invoice_lines
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION invoice_lines_guard_rows();
CREATE TRIGGER invoice_lines_guard_update AFTER UPDATE ON invoice_lines
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION invoice_lines_guard_rows();
CREATE TRIGGER invoice_lines_guard_delete AFTER DELETE ON invoice_lines
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION invoice_lines_guard_rows();
