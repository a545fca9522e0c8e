package io.valora.gateway.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.valora.gateway.ingest.EventIngestor;
import io.valora.gateway.ingest.IngestRefusedException;
import io.valora.gateway.ingest.Stages;
import io.valora.auth.Roles;
import io.valora.service.auth.AuthenticatedCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v1/billing/meter_events} in Stripe's form encoding, answered with the
 * {@code billing.meter_event} object Stripe's SDKs parse, so they work unchanged but for their
 * API base. The Stripe key the SDK sends as a bearer token is a Valora API key here.
 */
@RolesAllowed(Roles.INGEST)
@Path("/v1/billing/meter_events")
public class StripeMeterEventsResource {

    private final EventIngestor ingestor;
    private final AuthenticatedCaller caller;
    private final Clock clock;

    StripeMeterEventsResource(EventIngestor ingestor, Clock clock, AuthenticatedCaller caller) {
        this.ingestor = ingestor;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> create(byte[] body) {
        ObjectNode[] raw = new ObjectNode[1];
        return Stages.unwrapped(ingestor.ingestMappedAsync(caller.tenant(), body, () -> {
            try {
                raw[0] = StripeMeterEvents.raw(FormBody.decode(body));
            } catch (FormBody.MalformedFormException e) {
                throw IngestRefusedException.invalid("The request body was refused; nothing was published.", List.of(e.getMessage()));
            }
            return StripeMeterEvents.map(raw[0]);
        }).thenApply(accepted -> answer(raw[0])));
    }

    /** The {@code billing.meter_event} object Stripe answers with. */
    private Response answer(ObjectNode raw) {
        long now = clock.instant().getEpochSecond();
        ObjectNode answer = raw.objectNode();
        answer.put("object", "billing.meter_event");
        answer.put("created", now);
        answer.set("event_name", raw.get("event_name"));
        answer.set("identifier", raw.get("identifier"));
        answer.put("livemode", false);
        answer.set("payload", raw.get("payload"));
        if (raw.hasNonNull("timestamp")) {
            answer.put("timestamp", raw.get("timestamp").asLong());
        } else {
            answer.put("timestamp", now);
        }
        return Response.ok(answer).build();
    }
}
