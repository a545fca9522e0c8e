-- V11's per-statement guard joined the statement's lines with invoices; the planner knows nothing
-- about a transition table and chose to scan the whole invoices table once per statement (a batch
-- of 2,000 lines is several statements), every chunk slower than the last as invoices grew. The
-- guard now looks up each distinct invoice of the statement by its primary key.

CREATE OR REPLACE FUNCTION invoice_lines_guard_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    invoice RECORD;
    invoice_status TEXT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        FOR invoice IN SELECT DISTINCT invoice_id FROM old_rows LOOP
            SELECT status INTO invoice_status FROM invoices WHERE id = invoice.invoice_id;
            IF invoice_status IS NOT NULL AND invoice_status <> 'draft' THEN
                RAISE EXCEPTION 'lines of invoice % are immutable: it is %', invoice.invoice_id, invoice_status
                    USING ERRCODE = 'check_violation';
            END IF;
        END LOOP;
    ELSE
        FOR invoice IN SELECT DISTINCT invoice_id FROM new_rows LOOP
            SELECT status INTO invoice_status FROM invoices WHERE id = invoice.invoice_id;
            IF invoice_status IS NOT NULL AND invoice_status <> 'draft' THEN
                RAISE EXCEPTION 'lines of invoice % are immutable: it is %', invoice.invoice_id, invoice_status
                    USING ERRCODE = 'check_violation';
            END IF;
        END LOOP;
    END IF;
    RETURN NULL;
END
$$;
