package io.valora.invoice.api;

import io.valora.auth.Roles;
import io.valora.billing.carddata.CardNumberDetector;
import io.valora.invoice.close.PeriodCloser;
import io.valora.invoice.invoices.InvoiceFilter;
import io.valora.invoice.invoices.InvoiceStore;
import io.valora.invoice.invoices.InvoiceStatus;
import io.valora.invoice.invoices.StoredInvoice;
import io.valora.invoice.lifecycle.InvoiceLifecycle;
import io.valora.invoice.lifecycle.Transition;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code /v1/invoices}: list and read the caller's invoices, and close a billing period.
 *
 * <p>Why it exists: the back office of the adopting application reads invoices and moves them
 * along draft → finalized → paid | void here. The tenant always comes from {@link Caller}; an
 * invoice of another tenant answers 404; an illegal transition 409.
 */
@Path("/v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final AuthenticatedCaller caller;
    private final InvoiceStore queries;
    static final int MAX_PAYMENT_REFERENCE = 200;

    private final PeriodCloser closer;
    private final InvoiceLifecycle lifecycle;

    InvoiceResource(AuthenticatedCaller caller, InvoiceStore queries, PeriodCloser closer, InvoiceLifecycle lifecycle) {
        this.caller = caller;
        this.queries = queries;
        this.closer = closer;
        this.lifecycle = lifecycle;
    }

    /**
     * Invoices ordered by period start and id, optionally of one customer, one status and period
     * starts in {@code [from, to)}, paginated by cursor.
     */
    @RolesAllowed(Roles.READ)
    @GET
    public InvoicePageJson list(@QueryParam("customer") String customer, @QueryParam("status") String status,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        String tenant = caller.tenant();
        int pageSize = Paging.limit(limit);
        InvoiceFilter filter = new InvoiceFilter(Optional.ofNullable(customer).filter(c -> !c.isBlank()),
                Optional.ofNullable(status).filter(s -> !s.isBlank()).map(InvoiceResource::status),
                instant("from", from), instant("to", to));
        List<StoredInvoice> found = queries.list(tenant, filter, Paging.after(cursor), pageSize + 1);
        Paging.Page<StoredInvoice> page = Paging.cut(found, pageSize,
                last -> new PagePosition(last.key().periodStart(), last.id()));
        return new InvoicePageJson(page.items().stream().map(InvoiceJson::of).toList(), page.nextCursor());
    }

    private static InvoiceStatus status(String code) {
        return Arrays.stream(InvoiceStatus.values()).filter(s -> s.code().equals(code.strip())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("invalid-filter",
                        "status must be draft, finalized, paid or void."));
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-filter",
                    name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
        }
    }

    /**
     * One invoice with its lines: JSON, or a printable HTML page when the client prefers
     * {@code text/html} (a browser).
     */
    @RolesAllowed(Roles.READ)
    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        InvoiceJson invoice = queries.find(caller.tenant(), id).map(InvoiceJson::of)
                .orElseThrow(() -> ProblemException.notFound("invoice", id));
        if (prefersHtml(headers.getAcceptableMediaTypes())) {
            return Response.ok(InvoiceHtml.render(invoice), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(invoice, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean prefersHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes the period starting at {@code periodStart} for one customer or all of them: writes
     * (or rewrites in place) their draft invoices from the period's rated charges.
     */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public CloseResponse close(CloseRequest request) {
        String tenant = caller.tenant();
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
        Optional<String> subscription = Optional.ofNullable(request.subscription()).map(String::strip).filter(c -> !c.isEmpty());
        List<StoredInvoice> invoices;
        try {
            invoices = closer.close(tenant, periodStart, customer, subscription);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-close-request", e.getMessage());
        }
        return new CloseResponse(invoices.stream().map(InvoiceJson::of).toList());
    }

    /** draft → finalized: the invoice becomes immutable and {@code invoice.finalized} is published. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{id}/finalize")
    public InvoiceJson finalizeInvoice(@PathParam("id") String id) {
        return transition(id, Transition.FINALIZE, Optional.empty());
    }

    /** draft or finalized → void; {@code invoice.voided} is published. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{id}/void")
    public InvoiceJson voidInvoice(@PathParam("id") String id) {
        return transition(id, Transition.VOID, Optional.empty());
    }

    /**
     * finalized → paid, recording the payment provider's opaque reference; {@code invoice.paid}
     * is published. A reference that looks like a card number is refused (422) and not stored.
     */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{id}/mark-paid")
    @Consumes(MediaType.APPLICATION_JSON)
    public InvoiceJson markPaid(@PathParam("id") String id, MarkPaidRequest request) {
        String reference = request == null || request.paymentReference() == null ? "" : request.paymentReference().strip();
        if (reference.isEmpty() || reference.length() > MAX_PAYMENT_REFERENCE
                || reference.chars().anyMatch(ch -> Character.isISOControl(ch))) {
            throw ProblemException.badRequest("invalid-payment-reference", "Send {\"paymentReference\": \"<the payment "
                    + "provider's id>\"}: 1 to " + MAX_PAYMENT_REFERENCE + " printable characters.");
        }
        if (CardNumberDetector.containsCardNumber(reference)) {
            throw ProblemException.unprocessable("card-data-refused", "Card data refused", "The payment reference "
                    + "looks like a card number; Valora never stores card data. Send the payment provider's "
                    + "reference (e.g. a charge or payment-intent id) instead.");
        }
        return transition(id, Transition.MARK_PAID, Optional.of(reference));
    }

    /** Callers are @RolesAllowed(admin). */
    private InvoiceJson transition(String id, Transition transition, Optional<String> paymentReference) {
        String tenant = caller.tenant();
        return lifecycle.apply(tenant, id, transition, paymentReference).map(InvoiceJson::of)
                .orElseThrow(() -> ProblemException.notFound("invoice", id));
    }
}
