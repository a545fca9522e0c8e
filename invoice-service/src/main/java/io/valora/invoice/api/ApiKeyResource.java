package io.valora.invoice.api;

import io.valora.auth.Roles;
import io.valora.auth.Scope;
import io.valora.invoice.keys.ApiKeyService;
import io.valora.invoice.keys.StoredApiKey;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/api-keys}: the caller's tenant lists, creates and revokes its API keys (scope
 * {@code admin}). A new key's text is in the creation answer only.
 *
 * <p>Why it exists: tenants rotate their own keys without the operator; a revocation is
 * published on the api-keys topic through the outbox and reaches the gateway within seconds.
 */
@Path("/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    static final int MAX_NAME = 100;

    private final AuthenticatedCaller caller;
    private final ApiKeyService keys;

    ApiKeyResource(AuthenticatedCaller caller, ApiKeyService keys) {
        this.caller = caller;
        this.keys = keys;
    }

    /** The tenant's keys, oldest first, paginated by cursor; never with key text. */
    @RolesAllowed(Roles.ADMIN)
    @GET
    public ApiKeyPageJson list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        String tenant = caller.tenant();
        int pageSize = Paging.limit(limit);
        List<StoredApiKey> found = keys.list(tenant, Paging.after(cursor), pageSize + 1);
        Paging.Page<StoredApiKey> page = Paging.cut(found, pageSize, last -> new PagePosition(last.createdAt(), last.id()));
        return new ApiKeyPageJson(page.items().stream().map(ApiKeyJson::of).toList(), page.nextCursor());
    }

    /** Creates a key with the requested scopes → 201 with the key text, shown this once. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateApiKeyRequest request) {
        String tenant = caller.tenant();
        if (request != null) {
            new FieldLimits().text("name", request.name(), MAX_NAME).check("invalid-api-key-request", "API key");
        }
        if (request == null || request.scopes() == null || request.scopes().isEmpty()) {
            throw ProblemException.badRequest("invalid-api-key-request",
                    "Send a JSON body with scopes, e.g. {\"name\": \"backoffice\", \"scopes\": [\"read\"]}.");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : request.scopes()) {
            scopes.add(Scope.ofCode(code).orElseThrow(() -> ProblemException.badRequest("invalid-api-key-request",
                    "Unknown scope '" + code + "'; use ingest, read or admin.")));
        }
        String name = request.name() == null || request.name().isBlank() ? "unnamed" : request.name().strip();
        if (name.length() > MAX_NAME) {
            throw ProblemException.badRequest("invalid-api-key-request", "name must be at most " + MAX_NAME + " characters.");
        }
        return Response.status(Response.Status.CREATED).entity(ApiKeyJson.created(keys.create(tenant, name, scopes))).build();
    }

    /** Revokes a key of the caller's tenant (idempotent); another tenant's key id answers 404. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{id}/revoke")
    public ApiKeyJson revoke(@PathParam("id") String id) {
        String tenant = caller.tenant();
        return keys.revoke(tenant, id).map(ApiKeyJson::of)
                .orElseThrow(() -> ProblemException.notFound("API key", id));
    }
}
