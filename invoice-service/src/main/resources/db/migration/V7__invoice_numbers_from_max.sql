-- Invoice numbers are now max(number) + 1 of the tenant's invoices, taken while holding the
-- tenant's invoice_counters row lock (the row is only a lock now). Updating one counter row per
-- new invoice left one dead row version per invoice inside a long close transaction, which made
-- closing thousands of invoices in one transaction quadratic. Invoices are never deleted (void
-- keeps its number), so max + 1 stays gapless.
ALTER TABLE invoice_counters DROP COLUMN last_number;
