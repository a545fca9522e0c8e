package io.valora.bench.reliability;

import io.valora.bench.reliability.HarnessEvent.Phase;
import io.valora.deploy.demo.RatedChargeWatcher;
import io.valora.schemas.RatedCharge;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Learns when rating-streams knows what invoice-service was told, by probing: a value-0 event on the zero-priced
 * probe meter per customer, sent again under a new id every 5 s, until {@code rated-charges} carries a matching
 * probe charge. Rating rejects usage it cannot match, so usage sent before the catalog (or a plan change) arrived
 * would be lost or priced under the old plan; probes change no quantity or amount of any checked meter.
 */
final class RatingReadiness {

    /** Generous for 2 busy cores: the catalog travels invoice-service's outbox, the broker and rating's tables. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RESEND_EVERY = Duration.ofSeconds(5);

    private final Scenario scenario;
    private final HarnessClient client;
    private final Map<String, String> keys;
    private final RatedChargeWatcher charges;

    RatingReadiness(Scenario scenario, HarnessClient client, Map<String, String> keys, RatedChargeWatcher charges) {
        this.scenario = scenario;
        this.client = client;
        this.keys = Map.copyOf(keys);
        this.charges = charges;
    }

    /**
     * Until every customer's probe is rated: its subscription, the plan and the meters have then reached rating.
     * Probe times are the start of the previous-period window, so they advance no stream time past any period.
     * Returns the figure for the report.
     */
    String awaitCatalog() {
        Set<String> all = new TreeSet<>();
        scenario.customers().forEach(c -> all.add(c.key()));
        Instant oldest = scenario.now().minus(Scenario.OLDEST);
        return await("probe-", all, customer -> customer.previousPeriodStart(scenario.now()).isAfter(oldest)
                ? customer.previousPeriodStart(scenario.now()) : oldest, charge -> true);
    }

    /**
     * Until each changed customer's probe at the change instant is rated under {@link HarnessCatalog#PRO}: the new
     * phase has then reached rating (through invoice-service's outbox and the subscriptions topic), so usage sent
     * afterwards is priced with the plan the ground truth expects. Returns the figure for the report.
     */
    String awaitPlanChanges(Instant changedAt) {
        Set<String> changed = new TreeSet<>();
        scenario.customers().stream().filter(HarnessCustomer::changesPlan).forEach(c -> changed.add(c.key()));
        return await("probe-change-", changed, customer -> changedAt,
                charge -> HarnessCatalog.PRO.equals(charge.getPlan()));
    }

    private String await(String idPrefix, Set<String> customers, Function<HarnessCustomer, Instant> time,
                         Predicate<RatedCharge> seen) {
        long begin = System.nanoTime();
        Set<String> missing = new TreeSet<>(customers);
        EventSender probes = new EventSender(client, keys, 200, 2);
        long deadline = begin + TIMEOUT.toNanos();
        int attempt = 0;
        while (!missing.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rating-streams did not rate the " + idPrefix + " probes within "
                        + TIMEOUT + ": " + missing.size() + " customers without one, e.g. " + missing.iterator().next());
            }
            attempt++;
            List<HarnessEvent> batch = new ArrayList<>();
            for (String customerKey : missing) {
                int slash = customerKey.indexOf('/');
                HarnessCustomer customer = scenario.customer(customerKey.substring(0, slash), customerKey.substring(slash + 1));
                batch.add(new HarnessEvent(customer.tenant(), idPrefix + customer.id() + "-" + attempt, customer.id(),
                        HarnessCatalog.PROBE, time.apply(customer), BigDecimal.ZERO, Phase.PREVIOUS));
            }
            probes.send(batch);
            long resendAt = System.nanoTime() + RESEND_EVERY.toNanos();
            while (!missing.isEmpty() && System.nanoTime() < resendAt) {
                charges.poll(Duration.ofMillis(200));
                for (RatedCharge charge : charges.latest().values()) {
                    if (charge.getMeter().equals(HarnessCatalog.PROBE) && seen.test(charge)) {
                        missing.remove(charge.getTenant() + "/" + charge.getCustomer());
                    }
                }
            }
        }
        return (System.nanoTime() - begin) / 1_000_000 + " ms, " + attempt + " probe round(s)";
    }
}
