-- RatedCharge v2: a charge is identified by its Kafka key (opaque: tenant/subscription/meter/group/
-- plan@version/periodStart[/adjustment-of/...]), so one subscription can have several charges per
-- meter and period (groups, plan phases, adjustments). Invoices are per subscription and period.

ALTER TABLE rated_charges
    ADD COLUMN charge_key    TEXT,
    ADD COLUMN grp           TEXT,
    ADD COLUMN plan          TEXT,
    ADD COLUMN plan_version  INT,
    ADD COLUMN adjustment_of TIMESTAMPTZ;
UPDATE rated_charges SET charge_key = tenant || '/' || subscription || '/' || meter || '/' || period_start::text;
ALTER TABLE rated_charges ALTER COLUMN charge_key SET NOT NULL;
-- A tiered model has no single unit price: rating may send "" (stored as NULL).
ALTER TABLE rated_charges ALTER COLUMN unit_price DROP NOT NULL;
ALTER TABLE rated_charges DROP CONSTRAINT rated_charges_pkey;
ALTER TABLE rated_charges ADD PRIMARY KEY (tenant, charge_key);
CREATE INDEX rated_charges_by_subscription ON rated_charges (tenant, subscription, period_start);

ALTER TABLE invoices ADD COLUMN subscription TEXT;
-- Before the catalog, rating used the customer's id as the subscription id.
UPDATE invoices SET subscription = customer;
ALTER TABLE invoices ALTER COLUMN subscription SET NOT NULL;
ALTER TABLE invoices DROP CONSTRAINT invoices_tenant_customer_period_start_key;
ALTER TABLE invoices ADD CONSTRAINT invoices_subscription_period UNIQUE (tenant, subscription, period_start);
