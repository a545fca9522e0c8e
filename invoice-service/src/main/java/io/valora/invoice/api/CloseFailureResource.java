package io.valora.invoice.api;

import io.valora.auth.Roles;
import io.valora.invoice.close.CloseFailures;
import io.valora.service.auth.AuthenticatedCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /v1/invoices/close-failures}: the caller's periods that the scheduler could not close,
 * with the last error and the next attempt.
 *
 * <p>Why it exists: a period that fails to close is retried with backoff instead of blocking other
 * tenants; its tenant must be able to see that its invoice is missing and why.
 */
@Path("/v1/invoices/close-failures")
@Produces(MediaType.APPLICATION_JSON)
public class CloseFailureResource {

    private final AuthenticatedCaller caller;
    private final CloseFailures failures;

    CloseFailureResource(AuthenticatedCaller caller, CloseFailures failures) {
        this.caller = caller;
        this.failures = failures;
    }

    /** The failures, oldest period first; {@code limit} 1–200 (default 50). */
    @RolesAllowed(Roles.READ)
    @GET
    public Page list(@QueryParam("limit") String limit) {
        return new Page(failures.list(caller.tenant(), Paging.limit(limit)).stream().map(CloseFailureJson::of).toList());
    }

    /** The list answer. */
    public record Page(List<CloseFailureJson> items) {
    }
}
