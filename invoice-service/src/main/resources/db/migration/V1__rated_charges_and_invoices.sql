-- Rated charges as rating-streams last published them, and the draft invoices built from them.
-- Every table carries the tenant: every query filters by it.

-- Bumped on every insert or update of a rated charge, so the period closer can tell which
-- invoices were built from older charges without comparing clocks.
CREATE SEQUENCE charge_revisions;

CREATE TABLE rated_charges (
    tenant        TEXT        NOT NULL,
    subscription  TEXT        NOT NULL,
    meter         TEXT        NOT NULL,
    period_start  TIMESTAMPTZ NOT NULL,
    period_end    TIMESTAMPTZ NOT NULL,
    customer      TEXT        NOT NULL,
    quantity      NUMERIC     NOT NULL,
    unit_price    NUMERIC     NOT NULL,
    amount_minor  BIGINT      NOT NULL,
    currency      CHAR(3)     NOT NULL,
    event_count   BIGINT      NOT NULL,
    sequence      BIGINT      NOT NULL,
    final         BOOLEAN     NOT NULL,
    revision      BIGINT      NOT NULL,
    PRIMARY KEY (tenant, subscription, meter, period_start)
);

CREATE INDEX rated_charges_by_customer_period ON rated_charges (tenant, period_start, customer);
CREATE INDEX rated_charges_by_period_end ON rated_charges (period_end);

CREATE TABLE invoices (
    id                TEXT        PRIMARY KEY,
    tenant            TEXT        NOT NULL,
    customer          TEXT        NOT NULL,
    period_start      TIMESTAMPTZ NOT NULL,
    period_end        TIMESTAMPTZ NOT NULL,
    currency          CHAR(3)     NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('draft', 'finalized', 'paid', 'void')),
    subtotal_minor    BIGINT      NOT NULL,
    total_minor       BIGINT      NOT NULL,
    charges_revision  BIGINT      NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (tenant, customer, period_start)
);

CREATE INDEX invoices_by_customer ON invoices (tenant, customer, period_start, id);
CREATE INDEX invoices_by_period ON invoices (tenant, period_start, id);

CREATE TABLE invoice_lines (
    id            TEXT    PRIMARY KEY,
    invoice_id    TEXT    NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    tenant        TEXT    NOT NULL,
    position      INT     NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('FLAT_FEE', 'USAGE', 'ADJUSTMENT', 'MINIMUM_TOP_UP')),
    meter         TEXT,
    description   TEXT    NOT NULL,
    quantity      NUMERIC NOT NULL,
    unit_price    NUMERIC,
    amount_minor  BIGINT  NOT NULL
);

CREATE INDEX invoice_lines_by_invoice ON invoice_lines (invoice_id, position);
