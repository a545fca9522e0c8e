package io.valora.gateway.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.valora.gateway.api.EventsResource;
import io.valora.gateway.events.EventsBody;
import io.valora.gateway.ingest.EventIngestor;
import io.valora.gateway.ingest.IngestRefusedException;
import io.valora.gateway.ingest.Stages;
import io.valora.gateway.ingest.MappedEvents;
import io.valora.auth.Roles;
import io.valora.service.auth.AuthenticatedCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/events}, where two other engines' clients post: OpenMeter's SDK sends CloudEvents
 * (told apart by content type, or by the body shape under {@code application/json}), Lago's client
 * sends {@code {"event": {...}}}, and {@code /api/v1/events/batch} {@code {"events": [...]}}.
 * Every format goes through the same {@link EventIngestor} path as {@code /v1/events}.
 */
@RolesAllowed(Roles.INGEST)
@Path("/api/v1/events")
public class ApiV1EventsResource {

    private final EventIngestor ingestor;
    private final AuthenticatedCaller caller;
    private final ObjectMapper json;

    ApiV1EventsResource(EventIngestor ingestor, ObjectMapper json, AuthenticatedCaller caller) {
        this.ingestor = ingestor;
        this.caller = caller;
        this.json = json;
    }

    /** OpenMeter: CloudEvents by content type. */
    @POST
    @Consumes({EventsBody.CLOUDEVENTS_JSON, EventsBody.CLOUDEVENTS_BATCH_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> cloudEvents(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return Stages.unwrapped(ingestor.ingestCloudEventsAsync(caller.tenant(), body, EventsResource.mediaType(contentType))
                .thenApply(accepted -> EventsResource.accepted(accepted)));
    }

    /** Lago's {@code {"event": {...}}}, or CloudEvents JSON (one or an array) by body shape. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> json(byte[] body) {
        JsonNode[] root = new JsonNode[1];
        CompletionStage<Integer> accepted = ingestor.ingestMappedAsync(caller.tenant(), body, () -> {
            root[0] = parse(body);
            if (LagoEvents.isLagoBody(root[0])) {
                return LagoEvents.single(root[0]);
            }
            EventsBody.Parsed parsed = EventsBody.shape(root[0], MediaType.APPLICATION_JSON);
            if (!parsed.isValid()) {
                throw IngestRefusedException.invalid("The request body was refused; nothing was published.", List.of(parsed.error()));
            }
            return MappedEvents.cloudEvents(parsed.events(), parsed.batch());
        });
        return Stages.unwrapped(accepted.thenApply(n -> LagoEvents.isLagoBody(root[0])
                ? Response.ok(Map.of("event", root[0].get("event"))).build()
                : EventsResource.accepted(n)));
    }

    /** Lago's batch: {@code {"events": [...]}}. */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> lagoBatch(byte[] body) {
        JsonNode[] root = new JsonNode[1];
        return Stages.unwrapped(ingestor.ingestMappedAsync(caller.tenant(), body, () -> {
            root[0] = parse(body);
            return LagoEvents.batch(root[0]);
        }).thenApply(n -> Response.ok(Map.of("events", root[0].get("events"))).build()));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw IngestRefusedException.invalid("The request body was refused; nothing was published.", List.of("body: empty"));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw IngestRefusedException.invalid("The request body was refused; nothing was published.",
                    List.of("body: not valid JSON (" + EventsBody.safeMessage(e) + ")"));
        } catch (IOException e) {
            throw IngestRefusedException.invalid("The request body was refused; nothing was published.", List.of("body: unreadable"));
        }
    }
}
