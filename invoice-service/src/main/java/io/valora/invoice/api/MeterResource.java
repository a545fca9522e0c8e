package io.valora.invoice.api;

import io.valora.auth.Roles;
import io.valora.billing.aggregation.AggregationKind;
import io.valora.invoice.meters.MeterService;
import io.valora.invoice.meters.StoredMeter;
import io.valora.invoice.paging.PagePosition;
import io.valora.service.auth.AuthenticatedCaller;
import io.valora.service.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /v1/meters}: the caller's tenant creates ({@code admin}) and reads ({@code read}) its
 * meters. Meters are immutable; another tenant's meter answers 404.
 *
 * <p>Why it exists: meters tell rating-streams which events count and how; they are published on
 * the compacted meters topic.
 */
@Path("/v1/meters")
@Produces(MediaType.APPLICATION_JSON)
public class MeterResource {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    static final Pattern PROPERTY = Pattern.compile("(\\$\\.)?[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
    static final int MAX_TEXT = 200;
    static final int MAX_GROUP_BY = 10;
    static final int MAX_FILTERS = 10;

    private final AuthenticatedCaller caller;
    private final MeterService meters;

    MeterResource(AuthenticatedCaller caller, MeterService meters) {
        this.caller = caller;
        this.meters = meters;
    }

    /** The tenant's meters, oldest first, paginated by cursor. */
    @RolesAllowed(Roles.READ)
    @GET
    public MeterPageJson list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        String tenant = caller.tenant();
        int pageSize = Paging.limit(limit);
        List<StoredMeter> found = meters.list(tenant, Paging.after(cursor), pageSize + 1);
        Paging.Page<StoredMeter> page = Paging.cut(found, pageSize, last -> new PagePosition(last.createdAt(), last.key()));
        return new MeterPageJson(page.items().stream().map(MeterJson::of).toList(), page.nextCursor());
    }

    /** One meter. */
    @RolesAllowed(Roles.READ)
    @GET
    @Path("/{key}")
    public MeterJson get(@PathParam("key") String key) {
        return meters.find(caller.tenant(), key).map(MeterJson::of)
                .orElseThrow(() -> ProblemException.notFound("meter", key));
    }

    /** Creates a meter → 201; 409 when the key is taken. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateMeterRequest request) {
        String tenant = caller.tenant();
        if (request != null) {
            new FieldLimits().name("name", request.name()).text("eventType", request.eventType(), MAX_TEXT)
                    .values("filters", request.filters(), MAX_TEXT).check("invalid-meter", "meter");
        }
        if (request == null || request.key() == null || !KEY.matcher(request.key()).matches()) {
            throw invalid("Send a JSON body with key (lower-case letters, digits, . _ -), eventType and aggregation, e.g. "
                    + "{\"key\": \"api-calls\", \"eventType\": \"com.acme.api.request\", \"aggregation\": \"count\"}.");
        }
        if (request.eventType() == null || request.eventType().isBlank() || request.eventType().length() > MAX_TEXT
                || request.eventType().chars().anyMatch(Character::isISOControl)) {
            throw invalid("eventType must be the CloudEvents type to match, 1–" + MAX_TEXT + " characters.");
        }
        AggregationKind aggregation = aggregation(request.aggregation());
        Optional<String> valueProperty = Optional.ofNullable(request.valueProperty()).filter(v -> !v.isBlank());
        if (aggregation != AggregationKind.COUNT && valueProperty.isEmpty()) {
            throw invalid("valueProperty is required for aggregation " + request.aggregation() + ".");
        }
        valueProperty.ifPresent(MeterResource::requireProperty);
        List<String> groupBy = request.groupBy() == null ? List.of() : request.groupBy();
        if (groupBy.size() > MAX_GROUP_BY) {
            throw invalid("groupBy takes at most " + MAX_GROUP_BY + " properties.");
        }
        groupBy.forEach(MeterResource::requireProperty);
        Map<String, String> filters = request.filters() == null ? Map.of() : request.filters();
        if (filters.size() > MAX_FILTERS) {
            throw invalid("filters takes at most " + MAX_FILTERS + " properties.");
        }
        filters.forEach((path, value) -> {
            requireProperty(path);
            if (value == null || value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
                throw invalid("filters." + path + " must be a string of at most " + MAX_TEXT + " characters.");
            }
        });
        Optional<String> name = Optional.ofNullable(request.name()).map(String::strip).filter(n -> !n.isEmpty())
                .filter(n -> n.length() <= MAX_TEXT);
        StoredMeter draft = new StoredMeter(tenant, request.key(), name, request.eventType().strip(), aggregation,
                valueProperty, groupBy, filters, Instant.EPOCH);
        return Response.status(Response.Status.CREATED).entity(MeterJson.of(meters.create(tenant, draft))).build();
    }

    private static AggregationKind aggregation(String code) {
        return Arrays.stream(AggregationKind.values())
                .filter(kind -> code != null && kind.name().toLowerCase(Locale.ROOT).equals(code.strip()))
                .findFirst()
                .orElseThrow(() -> invalid("aggregation must be sum, count, max, min, latest or unique_count."));
    }

    private static void requireProperty(String property) {
        if (property == null || !PROPERTY.matcher(property).matches()) {
            throw invalid("'" + property + "' is not a property name (letters, digits, _ . -).");
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-meter", detail);
    }
}
