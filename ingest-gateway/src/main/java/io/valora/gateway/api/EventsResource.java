package io.valora.gateway.api;

import io.valora.gateway.events.EventsBody;
import io.valora.gateway.ingest.EventIngestor;
import io.valora.gateway.ingest.Stages;
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
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v1/events}: CloudEvents 1.0 structured JSON, one event or a batch, in; {@code 202
 * {"accepted": n}} out once the broker holds every one of them.
 *
 * <p>Not {@code @Blocking}: the method runs on the event loop; {@link EventIngestor} parses small
 * bodies right there and hands large ones to a worker, and the answer is completed by the
 * producer's acknowledgement callback, so no thread is parked per request.
 */
@RolesAllowed(Roles.INGEST)
@Path("/v1/events")
public class EventsResource {

    private final EventIngestor ingestor;
    private final AuthenticatedCaller caller;

    EventsResource(EventIngestor ingestor, AuthenticatedCaller caller) {
        this.ingestor = ingestor;
        this.caller = caller;
    }

    @POST
    @Consumes({EventsBody.CLOUDEVENTS_JSON, EventsBody.CLOUDEVENTS_BATCH_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> ingest(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return Stages.unwrapped(ingestor.ingestCloudEventsAsync(caller.tenant(), body, mediaType(contentType))
                .thenApply(accepted -> accepted(accepted)));
    }

    /**
     * {@code 202 {"accepted": n}}, written as text: no map and no serializer per request on the
     * hot path.
     */
    public static Response accepted(int count) {
        return Response.accepted("{\"accepted\":" + count + "}").type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** {@code type/subtype} of a Content-Type header, without parameters such as charset. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }
}
