package io.valora.invoice.api;

import io.valora.service.problem.ProblemException;
import io.valora.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.valora.invoice.tenancy.TenantService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /v1/operator/tenants}: the operator creates a tenant and receives its first API key
 * (every scope) once. Guarded by the operator token ({@code valora.operator.token}), never by
 * an API key.
 *
 * <p>Why it exists: tenants are provisioned by whoever runs Valora, not by tenants.
 */
@Path("/v1/operator/tenants")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class OperatorTenantResource {

    static final int MAX_NAME = 200;

    private final TenantService tenants;

    OperatorTenantResource(TenantService tenants) {
        this.tenants = tenants;
    }

    /** Creates the tenant → 201 with its first key; 409 when the id is taken. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateTenantRequest request) {
        if (request != null) {
            new FieldLimits().text("name", request.name(), MAX_NAME).check("invalid-tenant-request", "tenant");
        }
        if (request == null || request.id() == null || !TenantService.TENANT_ID.matcher(request.id()).matches()) {
            throw ProblemException.badRequest("invalid-tenant-request", "Send a JSON body with an id of 2–63 lower-case "
                    + "letters, digits and dashes, e.g. {\"id\": \"acme\", \"name\": \"Acme Inc.\"}.");
        }
        String name = request.name() == null || request.name().isBlank() ? request.id() : request.name().strip();
        if (name.length() > MAX_NAME) {
            throw ProblemException.badRequest("invalid-tenant-request", "name must be at most " + MAX_NAME + " characters.");
        }
        ApiKeyJson key = ApiKeyJson.created(tenants.create(request.id(), name));
        return Response.status(Response.Status.CREATED).entity(new CreatedTenantJson(request.id(), name, key)).build();
    }
}
