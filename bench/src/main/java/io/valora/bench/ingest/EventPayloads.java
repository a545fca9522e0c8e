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
     * {@code runId_n}: joined with an underscore, not a dash, so a run id with all-digit hex and
     * a long counter never form a 13-19 digit group run the card-data check could refuse.
     */
    static String cloudEvent(String runId) {
        long n = SEQUENCE.incrementAndGet();
        return "{\"specversion\":\"1.0\",\"id\":\"" + runId + "_" + n + "\",\"source\":\"bench\",\"type\":\"api_call\","
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
        return UsageEvent.newBuilder().setTenant("demo").setId(runId + "_" + n).setSource("bench").setType("api_call")
                .setSubject("cust-" + (n % CUSTOMERS)).setTime(now)
                .setData("{\"value\":1,\"region\":\"eu-west-1\",\"endpoint\":\"/v1/things\"}").setReceivedAt(now).build();
    }
}
