package io.valora.gateway.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.valora.gateway.events.CardDataScanner;
import io.valora.gateway.events.CloudEventReader;
import io.valora.gateway.events.EventsBody;
import io.valora.gateway.events.IncomingEvent;
import io.valora.gateway.events.StreamingCloudEvents;
import io.valora.gateway.events.Utf8;
import io.valora.gateway.publish.UsagePublisher;
import io.valora.schemas.UsageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The one ingest path every endpoint shares, whatever the wire format: size limits, card-data
 * refusal, all-or-nothing validation, publishing, and the answer only once the broker acknowledged
 * every record. Drop-in formats are mapped onto CloudEvents JSON before they reach it, so each format
 * gets exactly the same rules.
 *
 * <p>Logs never contain event payloads: only counts, reasons and the tenant ({@link RefusalLog}).
 */
@ApplicationScoped
public class EventIngestor {

    /** Longest list of per-event errors in one answer; the rest is summarised. */
    static final int MAX_REPORTED_ERRORS = 100;

    private final ObjectMapper json;
    private final UsagePublisher publisher;
    private final Clock clock;
    private final CloudEventReader reader;
    private final StreamingCloudEvents streaming;
    private final IngestConfig config;
    private final InFlightBudget budget;
    private final IngestMetrics metrics;

    EventIngestor(ObjectMapper json, UsagePublisher publisher, Clock clock, IngestConfig config, MeterRegistry registry) {
        this.json = json;
        this.publisher = publisher;
        this.clock = clock;
        this.config = config;
        this.reader = new CloudEventReader(clock, config.validationLimits());
        this.streaming = config.streamingReader() ? new StreamingCloudEvents(json.getFactory(), clock, config.validationLimits(),
                config.maxBatchEvents(), json.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)) : null;
        this.budget = new InFlightBudget(config.maxInFlight().asLongValue());
        this.metrics = new IngestMetrics(registry);
    }

    /** Ingests a CloudEvents body (one event or a batch, per {@link EventsBody}); returns the accepted count. */
    public int ingestCloudEvents(String tenant, byte[] body, String mediaType) {
        return Stages.join(ingestCloudEventsAsync(tenant, body, mediaType));
    }

    /**
     * As {@link #ingestCloudEvents}, but completes when the broker acknowledged, without holding a
     * thread meanwhile; refusals fail the stage with an {@link IngestRefusedException}.
     */
    public CompletionStage<Integer> ingestCloudEventsAsync(String tenant, byte[] body, String mediaType) {
        return withinBudget(body, () -> {
            requireUtf8(tenant, body);
            StreamingCloudEvents.Accepted accepted = streaming == null ? null : streaming.read(body, mediaType);
            if (accepted != null) {
                return publishAccepted(tenant, accepted.events());
            }
            // Not plainly valid: the tree path decides, and words every refusal.
            EventsBody.Parsed parsed = EventsBody.parse(json, body, mediaType);
            if (!parsed.isValid()) {
                metrics.rejected("invalid", 1);
                RefusalLog.debug(tenant, "invalid", 0, 1);
                throw IngestRefusedException.invalid("The request body was refused; nothing was published.", List.of(parsed.error()));
            }
            return ingest(tenant, MappedEvents.cloudEvents(parsed.events(), parsed.batch()));
        });
    }

    /**
     * Ingests a body a drop-in format parses itself: {@code mapping} turns it into CloudEvents JSON
     * (or throws an {@link IngestRefusedException#invalid} when it cannot even find the events).
     */
    public int ingestMapped(String tenant, byte[] body, Supplier<MappedEvents> mapping) {
        return Stages.join(ingestMappedAsync(tenant, body, mapping));
    }

    /** As {@link #ingestMapped}, completing when the broker acknowledged, without holding a thread. */
    public CompletionStage<Integer> ingestMappedAsync(String tenant, byte[] body, Supplier<MappedEvents> mapping) {
        return withinBudget(body, () -> {
            requireUtf8(tenant, body);
            return ingest(tenant, mapping.get());
        });
    }

    /**
     * Refuses a body that is not strict UTF-8 before any decoder sees it: JSON must be UTF-8, a form
     * is ASCII, and the decoders behind would otherwise accept overlong or out-of-range sequences, or
     * replace malformed bytes, and publish text the client never sent. Names the offset, never the bytes.
     */
    private void requireUtf8(String tenant, byte[] body) {
        int bad = body == null ? -1 : Utf8.firstInvalid(body, 0, body.length);
        if (bad >= 0) {
            metrics.rejected("invalid", 1);
            RefusalLog.debug(tenant, "invalid", 0, 1);
            throw IngestRefusedException.invalid("The request body was refused; nothing was published.",
                    List.of("body: not valid UTF-8 (at byte " + bad + ")"));
        }
    }

    private CompletionStage<Integer> withinBudget(byte[] body, Supplier<CompletionStage<Integer>> work) {
        int size = body == null ? 0 : body.length;
        if (size > config.maxRequestSize().asLongValue()) {
            metrics.rejected("too-large", 1);
            throw IngestRefusedException.tooLarge("The body has " + size + " bytes; at most "
                    + config.maxRequestSize().asLongValue() + " are accepted per request. Split it into smaller batches.");
        }
        if (!budget.tryAcquire(size)) {
            metrics.rejected("busy", 1);
            throw IngestRefusedException.busy();
        }
        CompletionStage<Integer> done;
        if (size > config.eventLoopMaxBody().asLongValue()) {
            // A large body: parse and validate on a worker, never on the event loop.
            done = CompletableFuture.supplyAsync(work, Infrastructure.getDefaultWorkerPool()).thenCompose(stage -> stage);
        } else {
            try {
                done = work.get();
            } catch (RuntimeException e) {
                budget.release(size);
                return CompletableFuture.failedFuture(e);
            }
        }
        // The budget covers the records until the broker answered, not just the parsing.
        return Stages.unwrapped(done.whenComplete((accepted, failure) -> budget.release(size)));
    }

    /** Validates every event, publishes all or none; completes with how many were accepted. */
    CompletionStage<Integer> ingest(String tenant, MappedEvents request) {
        List<JsonNode> events = request.events();
        if (events.size() > config.maxBatchEvents()) {
            metrics.rejected("too-large", events.size());
            throw IngestRefusedException.tooLarge("The request has " + events.size() + " events; at most "
                    + config.maxBatchEvents() + " are accepted per request. Split it into smaller batches.");
        }
        refuseCardData(tenant, request.raw(), request.batch(), metrics);
        if (request.events() != request.raw()) {
            // A drop-in format's mapping can turn text into a number: Stripe's payload[value]=4.111111111111111e15 is no card
            // as text, but becomes the number 4111111111111111 in data.value; what is published is scanned too.
            refuseCardData(tenant, events, request.batch(), metrics);
        }
        if (!request.mappingErrors().isEmpty()) {
            metrics.rejected("invalid", events.size());
            RefusalLog.debug(tenant, "invalid", events.size(), request.mappingErrors().size());
            throw IngestRefusedException.invalid("The request was refused; nothing was published.", summarise(request.mappingErrors()));
        }
        return publishAccepted(tenant, validate(tenant, request));
    }

    private CompletionStage<Integer> publishAccepted(String tenant, List<IncomingEvent> valid) {
        return publish(tenant, valid).thenApply(ignored -> {
            metrics.accepted(valid.size());
            return valid.size();
        });
    }

    private static void refuseCardData(String tenant, List<JsonNode> events, boolean batch, IngestMetrics metrics) {
        List<String> errors = new ArrayList<>();
        int offending = 0;
        for (int i = 0; i < events.size(); i++) {
            List<String> fields = CardDataScanner.attributesWithCardData(events.get(i));
            if (!fields.isEmpty()) {
                offending++;
                for (String field : fields) {
                    errors.add(prefix(batch, i) + field + ": contains what looks like a card number");
                }
            }
        }
        if (!errors.isEmpty()) {
            metrics.rejected("card-data", events.size());
            RefusalLog.warn(tenant, "card-data", events.size(),
                    "Refused a request of " + events.size() + " events: " + offending + " carried card-like numbers (payload not logged)");
            throw IngestRefusedException.cardData(summarise(errors));
        }
    }

    private List<IncomingEvent> validate(String tenant, MappedEvents request) {
        List<JsonNode> events = request.events();
        boolean batch = request.batch();
        List<IncomingEvent> valid = new ArrayList<>(events.size());
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            CloudEventReader.Result result = reader.readEvent(events.get(i));
            if (result.isValid()) {
                valid.add(result.event());
            } else {
                for (String error : result.errors()) {
                    errors.add(prefix(batch, i) + request.translate(error));
                }
            }
        }
        if (!errors.isEmpty()) {
            metrics.rejected("invalid", events.size());
            RefusalLog.debug(tenant, "invalid", events.size(), errors.size());
            throw IngestRefusedException.invalid(batch
                    ? "At least one event is invalid; the whole batch was refused and nothing was published."
                    : "The event was refused; nothing was published.", summarise(errors));
        }
        return valid;
    }

    private CompletionStage<Void> publish(String tenant, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Instant receivedAt = clock.instant();
        List<UsageEvent> records = events.stream().map(e -> toAvro(tenant, receivedAt, e)).toList();
        Timer.Sample sample = metrics.startPublish();
        return publisher.publishAsync(records).handle((ignored, failure) -> {
            if (failure == null) {
                metrics.published(sample, "acked");
                return null;
            }
            Throwable cause = Stages.cause(failure);
            metrics.published(sample, "failed");
            metrics.rejected("unavailable", events.size());
            RefusalLog.warn(tenant, "unavailable", events.size(),
                    "Publishing " + events.size() + " events failed, answering 503: " + cause.getMessage());
            throw IngestRefusedException.brokerUnavailable(cause.getMessage());
        });
    }

    private static UsageEvent toAvro(String tenant, Instant receivedAt, IncomingEvent event) {
        return UsageEvent.newBuilder()
                .setTenant(tenant)
                .setId(event.id())
                .setSource(event.source())
                .setType(event.type())
                .setSubject(event.subject())
                .setTime(event.time())
                .setData(event.dataJson())
                .setReceivedAt(receivedAt)
                .build();
    }

    /** {@code "[3] "} for index 3 of a batch, nothing for a single event. */
    public static String prefix(boolean batch, int index) {
        return batch ? "[" + index + "] " : "";
    }

    /** Caps the list of errors, so a 10,000-event batch cannot yield a huge answer. */
    private static List<String> summarise(List<String> errors) {
        if (errors.size() <= MAX_REPORTED_ERRORS) {
            return errors;
        }
        List<String> shown = new ArrayList<>(errors.subList(0, MAX_REPORTED_ERRORS));
        shown.add("... and " + (errors.size() - MAX_REPORTED_ERRORS) + " more errors");
        return shown;
    }
}
