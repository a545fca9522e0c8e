package io.valora.invoice.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.valora.invoice.close.MixedCurrenciesException;
import io.valora.invoice.customers.CustomerExistsException;
import io.valora.invoice.meters.MeterExistsException;
import io.valora.invoice.plans.PlanExistsException;
import io.valora.invoice.subscriptions.SubscriptionExistsException;
import io.valora.invoice.subscriptions.SubscriptionRefusedException;
import io.valora.invoice.lifecycle.InvalidTransitionException;
import io.valora.invoice.tenancy.TenantExistsException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every exception that leaves a resource to a problem response, so the API never answers
 * with an HTML page, a stack trace or a 5xx for bad input.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    Response problem(ProblemException e) {
        return Problems.response(e.status(), e.name(), e.title(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    Response mixedCurrencies(MixedCurrenciesException e) {
        return Problems.response(Response.Status.CONFLICT, "mixed-currencies", "Charges in more than one currency",
                e.getMessage());
    }

    @ServerExceptionMapper
    Response invalidTransition(InvalidTransitionException e) {
        return Problems.response(Response.Status.CONFLICT, "invalid-transition", "Transition not allowed", e.getMessage());
    }

    @ServerExceptionMapper
    Response customerExists(CustomerExistsException e) {
        return Problems.response(Response.Status.CONFLICT, "customer-exists", "Customer exists", e.getMessage());
    }

    @ServerExceptionMapper
    Response meterExists(MeterExistsException e) {
        return Problems.response(Response.Status.CONFLICT, "meter-exists", "Meter exists", e.getMessage());
    }

    @ServerExceptionMapper
    Response planExists(PlanExistsException e) {
        return Problems.response(Response.Status.CONFLICT, "plan-exists", "Plan exists", e.getMessage());
    }

    @ServerExceptionMapper
    Response subscriptionExists(SubscriptionExistsException e) {
        return Problems.response(Response.Status.CONFLICT, "subscription-exists", "Subscription exists", e.getMessage());
    }

    @ServerExceptionMapper
    Response subscriptionRefused(SubscriptionRefusedException e) {
        return Problems.response(e.status(), e.problem(), "Subscription request refused", e.getMessage());
    }

    @ServerExceptionMapper
    Response tenantExists(TenantExistsException e) {
        return Problems.response(Response.Status.CONFLICT, "tenant-exists", "Tenant exists", e.getMessage());
    }

    @ServerExceptionMapper
    Response malformedJson(JsonProcessingException e) {
        return Problems.response(Response.Status.BAD_REQUEST, "malformed-json", "Malformed JSON",
                "The request body is not the expected JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String name = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Problems.response(status, name, title, e.getMessage());
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    Response unexpected(Throwable e) {
        LOG.error("Unexpected error while serving a request", e);
        return Problems.response(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The server failed to handle the request; it has been logged.");
    }
}
