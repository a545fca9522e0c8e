package io.valora.invoice.api;

import io.valora.auth.Roles;
import io.valora.invoice.paging.PagePosition;
import io.valora.invoice.plans.PlanRules;
import io.valora.invoice.subscriptions.Anchors;
import io.valora.invoice.subscriptions.NewSubscription;
import io.valora.invoice.subscriptions.StoredSubscription;
import io.valora.invoice.subscriptions.SubscriptionService;
import io.valora.invoice.subscriptions.SubscriptionStatus;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /v1/subscriptions}: the caller's tenant subscribes customers to plans, changes their plan
 * and cancels them ({@code admin}), and reads them ({@code read}). Another tenant's id answers 404.
 *
 * <p>Why it exists: subscriptions tie customers to plan versions over time; rating-streams reads
 * them from the compacted subscriptions topic, the period close from the database.
 */
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");
    static final int MAX_TRIAL_DAYS = 3660;

    private final AuthenticatedCaller caller;
    private final SubscriptionService subscriptions;

    SubscriptionResource(AuthenticatedCaller caller, SubscriptionService subscriptions) {
        this.caller = caller;
        this.subscriptions = subscriptions;
    }

    /** The tenant's subscriptions, oldest first, optionally of one customer and status; paginated by cursor. */
    @RolesAllowed(Roles.READ)
    @GET
    public SubscriptionPageJson list(@QueryParam("customer") String customer, @QueryParam("status") String status,
                                     @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        String tenant = caller.tenant();
        int pageSize = Paging.limit(limit);
        Optional<SubscriptionStatus> wanted = Optional.ofNullable(status).filter(s -> !s.isBlank()).map(s ->
                SubscriptionStatus.of(s.strip()).orElseThrow(() -> ProblemException.badRequest("invalid-filter",
                        "status must be trialing, active, scheduled_cancel or cancelled.")));
        List<StoredSubscription> found = subscriptions.list(tenant, Optional.ofNullable(customer).filter(c -> !c.isBlank()),
                wanted, Paging.after(cursor), pageSize + 1);
        Paging.Page<StoredSubscription> page = Paging.cut(found, pageSize, last -> new PagePosition(last.createdAt(), last.id()));
        Instant now = subscriptions.now();
        return new SubscriptionPageJson(page.items().stream().map(s -> SubscriptionJson.of(s, now)).toList(), page.nextCursor());
    }

    /** One subscription. */
    @RolesAllowed(Roles.READ)
    @GET
    @Path("/{id}")
    public SubscriptionJson get(@PathParam("id") String id) {
        return subscriptions.find(caller.tenant(), id).map(s -> SubscriptionJson.of(s, subscriptions.now()))
                .orElseThrow(() -> ProblemException.notFound("subscription", id));
    }

    /** Subscribes a customer → 201; 422 for an unknown customer or plan; 409 for a taken external id. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateSubscriptionRequest request) {
        String tenant = caller.tenant();
        if (request != null) {
            new FieldLimits().name("customer", request.customer()).name("plan", request.plan())
                    .name("externalId", request.externalId()).check("invalid-subscription", "subscription");
        }
        if (request == null || blank(request.customer()) || blank(request.plan())) {
            throw invalid("Send a JSON body with customer and plan, e.g. {\"customer\": \"cust-1\", \"plan\": \"pro\"}.");
        }
        if (!PlanRules.KEY.matcher(request.plan()).matches()) {
            throw invalid("plan must be a plan key.");
        }
        Optional<String> externalId = Optional.ofNullable(request.externalId()).filter(e -> !e.isBlank());
        if (externalId.isPresent() && !EXTERNAL_ID.matcher(externalId.get()).matches()) {
            throw invalid("externalId must be 1–200 letters, digits or . _ : @ -.");
        }
        String anchor = blank(request.anchor()) ? Anchors.CALENDAR : request.anchor().strip();
        if (!anchor.equals(Anchors.CALENDAR) && !anchor.equals(Anchors.ANNIVERSARY)) {
            throw invalid("anchor must be calendar or anniversary.");
        }
        int trialDays = request.trialDays() == null ? 0 : request.trialDays();
        if (trialDays < 0 || trialDays > MAX_TRIAL_DAYS) {
            throw invalid("trialDays must be 0–" + MAX_TRIAL_DAYS + ".");
        }
        Optional<Instant> startAt = Optional.ofNullable(request.startAt()).filter(s -> !s.isBlank()).map(s -> instant(s, "startAt"));
        NewSubscription subscription = new NewSubscription(request.customer().strip(), request.plan(),
                Optional.ofNullable(request.planVersion()), externalId, startAt, anchor, trialDays);
        StoredSubscription created = subscriptions.create(tenant, subscription);
        return Response.status(Response.Status.CREATED).entity(SubscriptionJson.of(created, subscriptions.now())).build();
    }

    /** Changes the plan now or at the next period → 200; 422 for another cadence or currency. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{id}/change-plan")
    @Consumes(MediaType.APPLICATION_JSON)
    public SubscriptionJson changePlan(@PathParam("id") String id, ChangePlanRequest request) {
        String tenant = caller.tenant();
        if (request == null || blank(request.plan()) || !PlanRules.KEY.matcher(request.plan()).matches()) {
            throw invalid("Send {\"plan\": \"enterprise\", \"effective\": \"now\"} (effective: now or next_period).");
        }
        String effective = effective(request.effective(), SubscriptionService.NEXT_PERIOD);
        return subscriptions.changePlan(tenant, id, request.plan(), Optional.ofNullable(request.planVersion()), effective)
                .map(s -> SubscriptionJson.of(s, subscriptions.now()))
                .orElseThrow(() -> ProblemException.notFound("subscription", id));
    }

    /** Cancels now or at the end of the current period → 200. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{id}/cancel")
    public SubscriptionJson cancel(@PathParam("id") String id, CancelSubscriptionRequest request) {
        String tenant = caller.tenant();
        String effective = effective(request == null ? null : request.effective(), SubscriptionService.PERIOD_END);
        return subscriptions.cancel(tenant, id, effective).map(s -> SubscriptionJson.of(s, subscriptions.now()))
                .orElseThrow(() -> ProblemException.notFound("subscription", id));
    }

    private static String effective(String value, String later) {
        String effective = blank(value) ? SubscriptionService.NOW : value.strip();
        if (!effective.equals(SubscriptionService.NOW) && !effective.equals(later)) {
            throw invalid("effective must be now or " + later + ".");
        }
        return effective;
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field + " '" + value + "' is not an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-subscription", detail);
    }
}
