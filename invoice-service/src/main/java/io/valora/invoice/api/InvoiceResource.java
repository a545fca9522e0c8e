package io.valora.invoice.api;

import io.valora.invoice.auth.Caller;
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

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

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
        int pageSize = parseLimit(limit);
        Optional<PagePosition> after = Optional.ofNullable(cursor).filter(c -> !c.isBlank()).map(PageCursor::decode);
        List<StoredInvoice> found = queries.list(caller.tenant(), Optional.ofNullable(customer).filter(c -> !c.isBlank()),
                after, pageSize + 1);
        List<StoredInvoice> page = found.subList(0, Math.min(pageSize, found.size()));
        String next = null;
        if (found.size() > pageSize) {
            StoredInvoice last = page.get(page.size() - 1);
            next = PageCursor.encode(new PagePosition(last.key().periodStart(), last.id()));
        }
        return new InvoicePageJson(page.stream().map(InvoiceJson::of).toList(), next);
    }

    /** One invoice with its lines. */
    @GET
    @Path("/{id}")
    public InvoiceJson get(@PathParam("id") String id) {
        return queries.find(caller.tenant(), id).map(InvoiceJson::of)
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
        List<StoredInvoice> invoices = closer.close(caller.tenant(), periodStart, customer);
        return new CloseResponse(invoices.stream().map(InvoiceJson::of).toList());
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
