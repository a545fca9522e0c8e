package io.valora.invoice.api;

import io.valora.auth.Roles;
import io.valora.invoice.paging.PagePosition;
import io.valora.invoice.plans.PlanRules;
import io.valora.invoice.plans.PlanService;
import io.valora.schemas.Plan;
import io.valora.service.auth.AuthenticatedCaller;
import io.valora.service.problem.Problem;
import io.valora.service.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/plans}: the caller's tenant creates plans and new versions of them ({@code admin}) and
 * reads them ({@code read}). A published version never changes; another tenant's plan answers 404.
 *
 * <p>Why it exists: plans say how usage and fees are priced; rating-streams reads them from the
 * compacted plans topic, the period close from the database.
 */
@Path("/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final AuthenticatedCaller caller;
    private final PlanService plans;

    PlanResource(AuthenticatedCaller caller, PlanService plans) {
        this.caller = caller;
        this.plans = plans;
    }

    /** The latest version of each plan, by key, paginated by cursor. */
    @RolesAllowed(Roles.READ)
    @GET
    public PlanPageJson list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        String tenant = caller.tenant();
        int pageSize = Paging.limit(limit);
        List<Plan> found = plans.list(tenant, Paging.after(cursor).map(PagePosition::id), pageSize + 1);
        Paging.Page<Plan> page = Paging.cut(found, pageSize, last -> new PagePosition(Instant.EPOCH, last.getKey()));
        return new PlanPageJson(page.items().stream().map(PlanJson::of).toList(), page.nextCursor());
    }

    /** The latest version of one plan. */
    @RolesAllowed(Roles.READ)
    @GET
    @Path("/{key}")
    public PlanJson get(@PathParam("key") String key) {
        return plans.latest(caller.tenant(), key).map(PlanJson::of)
                .orElseThrow(() -> ProblemException.notFound("plan", key));
    }

    /** One version of one plan. */
    @RolesAllowed(Roles.READ)
    @GET
    @Path("/{key}/versions/{version}")
    public PlanJson version(@PathParam("key") String key, @PathParam("version") String version) {
        String tenant = caller.tenant();
        int n;
        try {
            n = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("version of plan " + key, version);
        }
        return plans.version(tenant, key, n).map(PlanJson::of)
                .orElseThrow(() -> ProblemException.notFound("version of plan " + key, version));
    }

    /** Creates version 1 → 201; 409 when the key is taken; 422 with field errors for an invalid plan. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PlanRequest request) {
        String tenant = caller.tenant();
        Plan draft = valid(tenant, request, request == null ? null : request.key());
        return Response.status(Response.Status.CREATED).entity(PlanJson.of(plans.create(tenant, draft))).build();
    }

    /** Creates the next version of a plan → 200; 404 for an unknown plan. */
    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PlanJson edit(@PathParam("key") String key, PlanRequest request) {
        String tenant = caller.tenant();
        if (request != null && request.key() != null && !request.key().equals(key)) {
            throw ProblemException.badRequest("invalid-plan", "The body's key '" + request.key()
                    + "' differs from the path's '" + key + "'; leave it out.");
        }
        Plan draft = valid(tenant, request, key);
        return plans.edit(tenant, draft).map(PlanJson::of).orElseThrow(() -> ProblemException.notFound("plan", key));
    }

    private static Plan valid(String tenant, PlanRequest request, String key) {
        if (request == null) {
            throw ProblemException.badRequest("invalid-plan", "Send a JSON body such as {\"key\": \"pro\", \"currency\": "
                    + "\"USD\", \"flatFees\": [{\"code\": \"platform\", \"amount\": \"49.00\"}], \"usageCharges\": "
                    + "[{\"meter\": \"api_call\", \"model\": {\"kind\": \"per_unit\", \"unitPrice\": \"0.01\"}}]}.");
        }
        Plan draft = request.toPlan(tenant, key);
        Map<String, String> violations = PlanRules.violations(draft);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidFields("invalid-plan", "The plan is not valid: "
                    + violations.entrySet().iterator().next().getKey() + " " + violations.values().iterator().next()
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more, see errors)" : "") + ".",
                    violations.entrySet().stream().map(e -> new Problem.FieldError(e.getKey(), e.getValue())).toList());
        }
        return draft;
    }
}
