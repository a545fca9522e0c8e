package io.valora.rating.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.valora.auth.Roles;
import io.valora.rating.catalog.Catalog;
import io.valora.rating.catalog.CatalogStores;
import io.valora.rating.config.ResourceNames;
import io.valora.rating.model.PeriodState;
import io.valora.rating.query.ClusterAnswer;
import io.valora.rating.query.ClusterQueries;
import io.valora.rating.query.Granularity;
import io.valora.rating.query.LiveQueries;
import io.valora.rating.query.PeerAnswer;
import io.valora.rating.query.PeerClient;
import io.valora.service.auth.AuthenticatedCaller;
import io.valora.service.problem.Problem;
import io.valora.service.problem.ProblemMappers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/charges} and {@code GET /v1/usage} on any instance: {@link ClusterQueries} answers
 * from this instance's stores, forwards to the instance holding the key or gathers from all of them.
 * While Kafka Streams is not {@code RUNNING} (starting, rebalancing) the stores may be missing or
 * stale: the answer is then {@code 503} with {@code Retry-After}, never a wait or a retry loop.
 */
@Path("/v1")
@RolesAllowed({Roles.READ, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "live queries", description = "Running charges and usage buckets from the rating state stores")
@APIResponse(responseCode = "401", description = "Missing or unknown API key (problem+json)")
@APIResponse(responseCode = "403", description = "The key has neither scope read nor admin (problem+json)")
@APIResponse(responseCode = "503", description = "Stores not ready (starting, rebalancing); retry after Retry-After (problem+json)")
public class LiveQueryResource {

    /** Seconds a client should wait before asking again while stores are not ready. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final KafkaStreams streams;
    private final ClusterQueries cluster;
    private final AuthenticatedCaller caller;

    @Inject
    LiveQueryResource(KafkaStreams streams, RatingConfig config, ObjectMapper json,
            @ConfigProperty(name = "kafka-streams.application.server") String applicationServer, AuthenticatedCaller caller) {
        this.streams = streams;
        this.caller = caller;
        this.cluster = new ClusterQueries(streams, HostInfo.buildFromEndpoint(applicationServer), this::queries, this::hourlyOfPartition,
                new PeerClient(config.rating().queryForwardTimeout()), json);
    }

    /** For tests: the resource over a given cluster view. */
    LiveQueryResource(KafkaStreams streams, ClusterQueries cluster, AuthenticatedCaller caller) {
        this.streams = streams;
        this.cluster = cluster;
        this.caller = caller;
    }

    @GET
    @Path("/charges")
    @Operation(summary = "The customer's open charges",
            description = "Running period-to-date charges (and the adjustments they carry) of every subscription of the customer that are not final yet.")
    @APIResponse(responseCode = "200", description = "{\"data\": [charge, ...]}")
    @APIResponse(responseCode = "400", description = "customer missing (problem+json)")
    public Response charges(@Parameter(description = "The customer's external id", required = true) @QueryParam("customer") String customer,
            @Parameter(description = "Internal: 'local' marks a request forwarded by another instance (answered from this instance's stores only)")
            @QueryParam(ClusterQueries.SCOPE_PARAM) String scope,
            @Context ContainerRequestContext request) {
        if (customer == null || customer.isBlank()) {
            return badRequest("customer is required");
        }
        String tenant = caller.tenant();
        return render(cluster.charges(request.getHeaderString("Authorization"), tenant, customer, isForwarded(scope)));
    }

    @GET
    @Path("/usage")
    @Operation(summary = "Usage of one meter in hour or day buckets",
            description = "Hours are UTC hours; days are the customer's local days. Empty buckets are omitted.")
    @APIResponse(responseCode = "200", description = "{\"data\": [{\"start\", \"quantity\"}, ...]}")
    @APIResponse(responseCode = "400", description = "missing or malformed parameters (problem+json)")
    public Response usage(@Parameter(description = "The customer's external id", required = true) @QueryParam("customer") String customer,
            @Parameter(description = "Meter key", required = true) @QueryParam("meter") String meter,
            @Parameter(description = "RFC 3339 instant, inclusive (its hour)", required = true) @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 instant, exclusive", required = true) @QueryParam("to") String to,
            @Parameter(description = "HOUR (default) or DAY") @QueryParam("granularity") String granularity,
            @Parameter(description = "Internal: 'local' marks a request forwarded by another instance (answered from this instance's stores only)")
            @QueryParam(ClusterQueries.SCOPE_PARAM) String scope,
            @Context ContainerRequestContext request) {
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
        String tenant = caller.tenant();
        return render(cluster.usage(request.getHeaderString("Authorization"), tenant, customer, meter, start, end, width,
                isForwarded(scope)));
    }

    private static boolean isForwarded(String scope) {
        return ClusterQueries.SCOPE_LOCAL.equals(scope);
    }

    private static Response render(ClusterAnswer answer) {
        if (answer instanceof ClusterAnswer.Data data) {
            return Response.ok(Map.of("data", data.rows())).build();
        }
        if (answer instanceof ClusterAnswer.Relayed relayed) {
            return relay(relayed.answer());
        }
        return unavailable();
    }

    /** The owner's answer as it sent it; a 503 keeps its Retry-After meaning. */
    private static Response relay(PeerAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).type(answer.contentType()).entity(answer.body());
        if (answer.status() == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    private LiveQueries queries() {
        Catalog catalog = new Catalog(global(CatalogStores.METERS_STORE), global(CatalogStores.PLANS_STORE),
                global(CatalogStores.SUBSCRIPTIONS_STORE));
        return new LiveQueries(
                streams.store(StoreQueryParameters.fromNameAndType(ResourceNames.PERIOD_STATE_STORE,
                        QueryableStoreTypes.<String, PeriodState>keyValueStore())),
                streams.store(StoreQueryParameters.fromNameAndType(ResourceNames.HOURLY_USAGE_STORE,
                        QueryableStoreTypes.windowStore())),
                catalog);
    }

    private ReadOnlyWindowStore<String, String> hourlyOfPartition(int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(ResourceNames.HOURLY_USAGE_STORE,
                QueryableStoreTypes.<String, String>windowStore()).withPartition(partition));
    }

    private <V> ReadOnlyKeyValueStore<String, V> global(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    private static Response unavailable() {
        return Response.fromResponse(ProblemMappers.response(Problem.of("stores-unavailable", "State stores are not ready", 503,
                "The rating service is starting or rebalancing; retry after the Retry-After delay.")))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static Response badRequest(String detail) {
        return ProblemMappers.response(Problem.of("invalid-query", "Invalid query", 400, detail));
    }

}
