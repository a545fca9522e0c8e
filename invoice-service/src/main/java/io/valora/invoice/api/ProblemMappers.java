package io.valora.invoice.api;

import io.valora.invoice.close.MixedCurrenciesException;
import io.valora.invoice.customers.CustomerExistsException;
import io.valora.invoice.lifecycle.InvalidTransitionException;
import io.valora.invoice.meters.MeterExistsException;
import io.valora.invoice.plans.PlanExistsException;
import io.valora.invoice.subscriptions.SubscriptionExistsException;
import io.valora.invoice.subscriptions.SubscriptionRefusedException;
import io.valora.invoice.tenancy.TenantExistsException;
import io.valora.service.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps the invoice service's own domain exceptions to problem responses. Everything every service
 * answers alike (problem exceptions, 401/403, malformed JSON, framework errors, unexpected
 * failures) is mapped once in {@code io.valora.service.problem.ProblemMappers}.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    Response mixedCurrencies(MixedCurrenciesException e) {
        return conflict("mixed-currencies", "Charges in more than one currency", e);
    }

    @ServerExceptionMapper
    Response invalidTransition(InvalidTransitionException e) {
        return conflict("invalid-transition", "Transition not allowed", e);
    }

    @ServerExceptionMapper
    Response customerExists(CustomerExistsException e) {
        return conflict("customer-exists", "Customer exists", e);
    }

    @ServerExceptionMapper
    Response meterExists(MeterExistsException e) {
        return conflict("meter-exists", "Meter exists", e);
    }

    @ServerExceptionMapper
    Response planExists(PlanExistsException e) {
        return conflict("plan-exists", "Plan exists", e);
    }

    @ServerExceptionMapper
    Response subscriptionExists(SubscriptionExistsException e) {
        return conflict("subscription-exists", "Subscription exists", e);
    }

    @ServerExceptionMapper
    Response subscriptionRefused(SubscriptionRefusedException e) {
        return io.valora.service.problem.ProblemMappers.response(
                Problem.of(e.problem(), "Subscription request refused", e.status(), e.getMessage()));
    }

    @ServerExceptionMapper
    Response tenantExists(TenantExistsException e) {
        return conflict("tenant-exists", "Tenant exists", e);
    }

    private static Response conflict(String name, String title, RuntimeException e) {
        return io.valora.service.problem.ProblemMappers.response(Problem.of(name, title, 409, e.getMessage()));
    }
}
