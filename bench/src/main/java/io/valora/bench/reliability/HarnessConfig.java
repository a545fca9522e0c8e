package io.valora.bench.reliability;

/**
 * Size and noise of one harness run.
 *
 * @param seed               drives every generated value, id and time
 * @param tenants            tenants created through the operator endpoint
 * @param customersPerTenant customers (and subscriptions) per tenant
 * @param eventsPerCustomer  distinct usage events per customer, before duplicates
 * @param duplicateRate      share of events sent a second time with the same id (0.05 = 5 %)
 * @param planChangeRate     share of customers moved from basic to pro in the middle of the current period
 * @param faults             whether the fault schedule runs while the current period's events are sent
 * @param batchSize          events per gateway request
 * @param senders            concurrent gateway clients
 * @param secure             whether the runs use the secured stack ({@code LocalStack.startSecure}: three brokers,
 *                           SASL_SSL with SCRAM, ACLs, replication 3) and its broker faults ({@link Fault#schedule})
 */
public record HarnessConfig(long seed, int tenants, int customersPerTenant, int eventsPerCustomer,
        double duplicateRate, double planChangeRate, boolean faults, int batchSize, int senders, boolean secure) {

    /** For CI: about 2,000 events, all faults; a few minutes on two cores. */
    public static HarnessConfig small(long seed) {
        return new HarnessConfig(seed, 2, 12, 80, 0.05, 0.25, true, 100, 4, false);
    }

    /** The full run: three tenants, a thousand customers each, about 90,000 events, all faults. */
    public static HarnessConfig full(long seed) {
        return new HarnessConfig(seed, 3, 1000, 30, 0.05, 0.2, true, 500, 6, false);
    }

    public HarnessConfig withFaults(boolean on) {
        return new HarnessConfig(seed, tenants, customersPerTenant, eventsPerCustomer, duplicateRate, planChangeRate,
                on, batchSize, senders, secure);
    }

    public HarnessConfig withSecure(boolean on) {
        return new HarnessConfig(seed, tenants, customersPerTenant, eventsPerCustomer, duplicateRate, planChangeRate,
                faults, batchSize, senders, on);
    }
}
