package io.valora.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.valora.gateway.auth.AuthFilter;
import io.valora.gateway.events.CloudEventReader;
import io.valora.gateway.events.IncomingEvent;
import io.valora.gateway.publish.PublishFailedException;
import io.valora.gateway.publish.UsagePublisher;
import io.valora.schemas.UsageEvent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/events}: one CloudEvents 1.0 structured JSON usage event in, {@code 202
 * {"accepted": 1}} out once the broker holds it.
 */
@Path("/v1/events")
public class EventsResource {

    private static final Logger LOG = Logger.getLogger(EventsResource.class);
    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    private final CloudEventReader reader;
    private final UsagePublisher publisher;
    private final Clock clock;

    EventsResource(ObjectMapper json, UsagePublisher publisher, Clock clock,
            @ConfigProperty(name = "valora.ingest.max-event-age") Duration maxAge,
            @ConfigProperty(name = "valora.ingest.max-clock-skew") Duration maxSkew) {
        this.reader = new CloudEventReader(json, clock, maxAge, maxSkew);
        this.publisher = publisher;
        this.clock = clock;
    }

    @POST
    @Consumes({CLOUDEVENTS_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response ingest(byte[] body, @Context ContainerRequestContext request) {
        String tenant = (String) request.getProperty(AuthFilter.TENANT);
        CloudEventReader.Result result = reader.read(body);
        if (!result.isValid()) {
            throw ProblemException.invalid("The event was refused; nothing was published.", result.errors());
        }
        try {
            publisher.publish(List.of(toAvro(tenant, result.event())));
        } catch (PublishFailedException e) {
            LOG.warnf("Publishing failed, answering 503: %s", e.getMessage());
            throw new ProblemException(Problem.of("broker-unavailable", "Events not accepted", 503,
                    "Kafka did not acknowledge the event (" + e.getMessage() + "). Nothing was accepted; retry later."), 5);
        }
        return Response.accepted(Map.of("accepted", 1)).build();
    }

    private UsageEvent toAvro(String tenant, IncomingEvent event) {
        return UsageEvent.newBuilder()
                .setTenant(tenant)
                .setId(event.id())
                .setSource(event.source())
                .setType(event.type())
                .setSubject(event.subject())
                .setTime(event.time())
                .setData(event.dataJson())
                .setReceivedAt(clock.instant())
                .build();
    }
}
