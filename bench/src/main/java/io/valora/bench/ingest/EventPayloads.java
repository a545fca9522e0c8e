package io.valora.bench.ingest;

import io.valora.schemas.UsageEvent;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one event shape every phase uses, as CloudEvents JSON for the gateway and as the Avro
 * record the gateway would write for the raw producer, so both move records of the same size.
 */
final class EventPayloads {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int CUSTOMERS = 1_000;

    private EventPayloads() {
    }

    /**
     * {@code runId_n} with the counter in dot-separated groups of at most four digits
     * ({@code bench-1a2b3c4d_12.3456.7890}). The gateway refuses 13-19 digits in a row, or in
     * groups joined by a space or dash, that pass the Luhn check, as card data: an underscore and
     * dots join nothing, so no id can hold more than the run id's eight digits in a row, however
     * long the run (an id with a dash before a long counter was refused now and then).
     */
    static String eventId(String runId, long n) {
        String digits = Long.toString(n);
        StringBuilder id = new StringBuilder(runId.length() + digits.length() + 6).append(runId).append('_');
        int head = digits.length() % 4 == 0 ? 4 : digits.length() % 4;
        id.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 4) {
            id.append('.').append(digits, i, i + 4);
        }
        return id.toString();
    }

    static String cloudEvent(String runId) {
        long n = SEQUENCE.incrementAndGet();
        return "{\"specversion\":\"1.0\",\"id\":\"" + eventId(runId, n) + "\",\"source\":\"bench\",\"type\":\"api_call\","
                + "\"subject\":\"cust-" + (n % CUSTOMERS) + "\",\"data\":{\"value\":1,\"region\":\"eu-west-1\",\"endpoint\":\"/v1/things\"}}";
    }

    static String batch(String runId, int size) {
        StringBuilder body = new StringBuilder(size * 200).append('[');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(cloudEvent(runId));
        }
        return body.append(']').toString();
    }

    static UsageEvent avro(String runId) {
        long n = SEQUENCE.incrementAndGet();
        Instant now = Instant.now();
        return UsageEvent.newBuilder().setTenant("demo").setId(eventId(runId, n)).setSource("bench").setType("api_call")
                .setSubject("cust-" + (n % CUSTOMERS)).setTime(now)
                .setData("{\"value\":1,\"region\":\"eu-west-1\",\"endpoint\":\"/v1/things\"}").setReceivedAt(now).build();
    }
}
