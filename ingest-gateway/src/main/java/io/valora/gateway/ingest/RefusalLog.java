package io.valora.gateway.ingest;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The only log lines the ingest path writes about a refused request, built from counts, a reason
 * and the tenant and nothing else, so no event payload, card number or error text carrying a value
 * can reach a log. The fields also go to the MDC ({@code reason}, {@code tenant}, {@code events}),
 * which the JSON log format prints as an {@code mdc} object, so log queries need no text parsing.
 */
final class RefusalLog {

    private static final Logger LOG = Logger.getLogger(EventIngestor.class);

    private RefusalLog() {
    }

    /**
     * A refusal operators must see (card data, broker unavailable).
     *
     * @param message fixed text with counts only; never a value taken from the request
     */
    static void warn(String tenant, String reason, int events, String message) {
        withFields(tenant, reason, events, () -> LOG.warn(message));
    }

    /** A client mistake (invalid input): counted by metrics, logged only at DEBUG, without the errors themselves. */
    static void debug(String tenant, String reason, int events, int problems) {
        if (LOG.isDebugEnabled()) {
            withFields(tenant, reason, events, () -> LOG.debugf("Refused a request of %d events: %d problems (payload not logged)",
                    events, problems));
        }
    }

    private static void withFields(String tenant, String reason, int events, Runnable log) {
        MDC.put("reason", reason);
        MDC.put("tenant", String.valueOf(tenant));
        MDC.put("events", Integer.toString(events));
        try {
            log.run();
        } finally {
            MDC.remove("reason");
            MDC.remove("tenant");
            MDC.remove("events");
        }
    }
}
