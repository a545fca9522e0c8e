-- Late changes of finalized periods (issue 17 item 7). A charge may still change after its
-- period's invoice was finalized (by hand, or valora.finalize.after, inside rating's grace); the
-- scheduler then writes the difference to what the invoice billed as an adjustment charge of the
-- next period (charge key <key>/carried). This table remembers up to which revision of each
-- source charge that was done, so each change is carried once and unchanged charges cost nothing.
CREATE TABLE carried_charges (
    tenant      TEXT   NOT NULL,
    charge_key  TEXT   NOT NULL,
    revision    BIGINT NOT NULL,
    PRIMARY KEY (tenant, charge_key)
);
