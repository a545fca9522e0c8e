package io.valora.invoice.api;

import io.valora.invoice.auth.Caller;
import io.valora.invoice.auth.Scope;
import io.valora.invoice.close.PeriodCloser;
import io.valora.invoice.invoices.InvoiceQueries;
import io.valora.invoice.invoices.PagePosition;
import io.valora.invoice.invoices.StoredInvoice;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /v1/invoices}: list and read the caller's invoices, and close a billing period.
 *
 * <p>Why it exists: the back office of the adopting application reads invoices here. The
 * tenant always comes from {@link Caller}; an invoice of another tenant answers 404.
 */
@Path("/v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final Caller caller;
    private final InvoiceQueries queries;
    private final PeriodCloser closer;

    InvoiceResource(Caller caller, InvoiceQueries queries, PeriodCloser closer) {
        this.caller = caller;
        this.queries = queries;
        this.closer = closer;
    }

    /** Invoices ordered by period start and id, optionally of one customer, paginated by cursor. */
    @GET
    public InvoicePageJson list(@QueryParam("customer") String customer, @QueryParam("cursor") String cursor,
                                @QueryParam("limit") String limit) {
        String tenant = caller.require(Scope.READ);
        int pageSize = Paging.limit(limit);
        List<StoredInvoice> found = queries.list(tenant, Optional.ofNullable(customer).filter(c -> !c.isBlank()),
                Paging.after(cursor), pageSize + 1);
        Paging.Page<StoredInvoice> page = Paging.cut(found, pageSize,
                last -> new PagePosition(last.key().periodStart(), last.id()));
        return new InvoicePageJson(page.items().stream().map(InvoiceJson::of).toList(), page.nextCursor());
    }

    /** One invoice with its lines. */
    @GET
    @Path("/{id}")
    public InvoiceJson get(@PathParam("id") String id) {
        return queries.find(caller.require(Scope.READ), id).map(InvoiceJson::of)
                .orElseThrow(() -> ProblemException.notFound("invoice", id));
    }

    /**
     * Closes the period starting at {@code periodStart} for one customer or all of them: writes
     * (or rewrites in place) their draft invoices from the period's rated charges.
     */
    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public CloseResponse close(CloseRequest request) {
        String tenant = caller.require(Scope.ADMIN);
        if (request == null || request.periodStart() == null || request.periodStart().isBlank()) {
            throw ProblemException.badRequest("invalid-close-request",
                    "Send a JSON body with periodStart, e.g. {\"periodStart\": \"2026-11-01T00:00:00Z\"}.");
        }
        Instant periodStart;
        try {
            periodStart = Instant.parse(request.periodStart().strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-close-request", "periodStart '" + request.periodStart()
                    + "' is not an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
        }
        Optional<String> customer = Optional.ofNullable(request.customer()).map(String::strip).filter(c -> !c.isEmpty());
        List<StoredInvoice> invoices = closer.close(tenant, periodStart, customer);
        return new CloseResponse(invoices.stream().map(InvoiceJson::of).toList());
    }
}
