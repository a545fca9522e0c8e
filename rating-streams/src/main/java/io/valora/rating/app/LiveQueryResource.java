package io.valora.rating.app;

import io.valora.rating.catalog.Catalog;
import io.valora.rating.catalog.CatalogStores;
import io.valora.rating.query.Granularity;
import io.valora.rating.query.LiveQueries;
import io.valora.rating.topology.ResourceNames;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /v1/charges} and {@code GET /v1/usage}, answered from this instance's state stores.
 * While Kafka Streams is not {@code RUNNING} (starting, rebalancing) the stores may be missing or
 * stale: the answer is then {@code 503} with {@code Retry-After}, never a wait or a retry loop.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class LiveQueryResource {

    /** Seconds a client should wait before asking again while stores are not ready. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final KafkaStreams streams;

    LiveQueryResource(KafkaStreams streams) {
        this.streams = streams;
    }

    @GET
    @Path("/charges")
    public Response charges(@QueryParam("customer") String customer, @Context ContainerRequestContext request) {
        if (customer == null || customer.isBlank()) {
            return badRequest("customer is required");
        }
        String tenant = (String) request.getProperty(ApiKeyFilter.TENANT);
        return answer(() -> Map.of("data", queries().openCharges(tenant, customer)));
    }

    @GET
    @Path("/usage")
    public Response usage(@QueryParam("customer") String customer, @QueryParam("meter") String meter,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity, @Context ContainerRequestContext request) {
        if (customer == null || customer.isBlank() || meter == null || meter.isBlank() || from == null || to == null) {
            return badRequest("customer, meter, from and to are required");
        }
        Instant start;
        Instant end;
        Granularity width;
        try {
            start = Instant.parse(from);
            end = Instant.parse(to);
            width = granularity == null ? Granularity.HOUR : Granularity.valueOf(granularity);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return badRequest("from and to are RFC 3339 instants (2026-11-01T00:00:00Z), granularity HOUR or DAY");
        }
        if (!end.isAfter(start)) {
            return badRequest("to must be after from");
        }
        String tenant = (String) request.getProperty(ApiKeyFilter.TENANT);
        return answer(() -> Map.of("data", queries().usage(tenant, customer, meter, start, end, width)));
    }

    private Response answer(java.util.function.Supplier<Map<String, ?>> query) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return unavailable();
        }
        try {
            return Response.ok(query.get()).build();
        } catch (InvalidStateStoreException e) {
            return unavailable();
        }
    }

    private LiveQueries queries() {
        Catalog catalog = new Catalog(global(CatalogStores.METERS_STORE), global(CatalogStores.PLANS_STORE),
                global(CatalogStores.SUBSCRIPTIONS_STORE));
        return new LiveQueries(
                streams.store(StoreQueryParameters.fromNameAndType(ResourceNames.CHARGES_STORE,
                        QueryableStoreTypes.timestampedKeyValueStore())),
                streams.store(StoreQueryParameters.fromNameAndType(ResourceNames.HOURLY_USAGE_STORE,
                        QueryableStoreTypes.windowStore())),
                catalog);
    }

    private <V> ReadOnlyKeyValueStore<String, V> global(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    private static Response unavailable() {
        return Problems.builder(503, "stores-unavailable", "State stores are not ready",
                "The rating service is starting or rebalancing; retry after the Retry-After delay.")
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static Response badRequest(String detail) {
        return Problems.response(400, "invalid-query", "Invalid query", detail);
    }

}
