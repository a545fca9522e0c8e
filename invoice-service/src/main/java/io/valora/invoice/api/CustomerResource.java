package io.valora.invoice.api;

import io.valora.auth.Roles;
import io.valora.invoice.customers.CustomerService;
import io.valora.invoice.customers.StoredCustomer;
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
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /v1/customers}: the caller's tenant creates ({@code admin}) and reads ({@code read}) its
 * customers. Another tenant's customer answers 404.
 *
 * <p>Why it exists: customers carry what billing needs to know about them — the time zone of their
 * periods and their currency — and are published on the compacted customers topic.
 */
@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    static final int MAX_TEXT = 200;

    private final AuthenticatedCaller caller;
    private final CustomerService customers;

    CustomerResource(AuthenticatedCaller caller, CustomerService customers) {
        this.caller = caller;
        this.customers = customers;
    }

    /** The tenant's customers, oldest first, paginated by cursor. */
    @RolesAllowed(Roles.READ)
    @GET
    public CustomerPageJson list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        String tenant = caller.tenant();
        int pageSize = Paging.limit(limit);
        List<StoredCustomer> found = customers.list(tenant, Paging.after(cursor), pageSize + 1);
        Paging.Page<StoredCustomer> page = Paging.cut(found, pageSize, last -> new PagePosition(last.createdAt(), last.externalId()));
        return new CustomerPageJson(page.items().stream().map(CustomerJson::of).toList(), page.nextCursor());
    }

    /** One customer. */
    @RolesAllowed(Roles.READ)
    @GET
    @Path("/{externalId}")
    public CustomerJson get(@PathParam("externalId") String externalId) {
        return customers.find(caller.tenant(), externalId).map(CustomerJson::of)
                .orElseThrow(() -> ProblemException.notFound("customer", externalId));
    }

    /** Creates a customer → 201; 409 when the external id is taken. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateCustomerRequest request) {
        String tenant = caller.tenant();
        if (request != null) {
            new FieldLimits().name("externalId", request.externalId()).name("name", request.name()).check("invalid-customer", "customer");
        }
        if (request == null || !validText(request.externalId())) {
            throw invalid("Send a JSON body with externalId (1–" + MAX_TEXT + " characters) and currency, e.g. "
                    + "{\"externalId\": \"cust-42\", \"currency\": \"EUR\", \"timeZone\": \"Europe/Berlin\"}.");
        }
        Optional<String> name = Optional.ofNullable(request.name()).map(String::strip).filter(n -> !n.isEmpty());
        if (name.isPresent() && !validText(name.get())) {
            throw invalid("name must be at most " + MAX_TEXT + " characters without control characters.");
        }
        StoredCustomer created = customers.create(tenant, request.externalId().strip(), name,
                timeZone(request.timeZone()), currency(request.currency()));
        return Response.status(Response.Status.CREATED).entity(CustomerJson.of(created)).build();
    }

    private static String timeZone(String value) {
        if (value == null || value.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(value.strip()).getId();
        } catch (DateTimeException e) {
            throw invalid("timeZone '" + value + "' is not an IANA time zone such as Europe/Berlin.");
        }
    }

    private static String currency(String value) {
        try {
            return Currency.getInstance(value.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (RuntimeException e) {
            throw invalid("currency must be an ISO 4217 code such as EUR or USD.");
        }
    }

    private static boolean validText(String value) {
        return value != null && !value.isBlank() && value.strip().length() <= MAX_TEXT
                && value.chars().noneMatch(Character::isISOControl);
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-customer", detail);
    }
}
