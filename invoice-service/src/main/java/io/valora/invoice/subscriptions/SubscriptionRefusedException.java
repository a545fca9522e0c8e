package io.valora.invoice.subscriptions;

/**
 * A subscription request that cannot be carried out: it names a customer or plan that does not
 * exist, mixes currencies or cadences, or changes a subscription that has ended.
 *
 * <p>Why it exists: the service decides these rules; the API turns the problem name and status
 * into a problem response.
 */
public final class SubscriptionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problem;

    /**
     * @param status  HTTP status (409 or 422)
     * @param problem stable problem name, e.g. {@code unknown-plan}
     * @param detail  what to change
     */
    public SubscriptionRefusedException(int status, String problem, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.problem = problem;
    }

    /** 422: the body names something unusable. */
    static SubscriptionRefusedException unprocessable(String problem, String detail) {
        return new SubscriptionRefusedException(422, problem, detail);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The problem name. */
    public String problem() {
        return problem;
    }
}
