package io.valora.gateway.api;

import io.valora.gateway.auth.AuthFilter;
import io.valora.gateway.events.EventsBody;
import io.smallrye.common.annotation.Blocking;
import io.valora.gateway.ingest.EventIngestor;
import io.valora.gateway.ingest.Stages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v1/events}: CloudEvents 1.0 structured JSON, one event or a batch, in; {@code 202
 * {"accepted": n}} out once the broker holds every one of them.
 */
@Path("/v1/events")
public class EventsResource {

    private final EventIngestor ingestor;

    EventsResource(EventIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @POST
    @Consumes({EventsBody.CLOUDEVENTS_JSON, EventsBody.CLOUDEVENTS_BATCH_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // parsing and validation run on a worker; the wait for the broker holds no thread
    public CompletionStage<Response> ingest(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context ContainerRequestContext request) {
        return Stages.unwrapped(ingestor.ingestCloudEventsAsync(AuthFilter.tenant(request), body, mediaType(contentType))
                .thenApply(accepted -> Response.accepted(Map.of("accepted", accepted)).build()));
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
