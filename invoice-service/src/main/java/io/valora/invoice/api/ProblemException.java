package io.valora.invoice.api;

/**
 * An error the API answers with a problem response: thrown at the boundary when a request is
 * wrong (400) or names something that is not there (404).
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String name;
    private final String title;

    private ProblemException(int status, String name, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.name = name;
        this.title = title;
    }

    /** 400: the request cannot be used as sent; {@code detail} says what to change. */
    public static ProblemException badRequest(String name, String detail) {
        return new ProblemException(400, name, "Invalid request", detail);
    }

    /** 404: nothing with this id exists for the caller's tenant. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", "No " + what + " with id '" + id + "'.");
    }

    int status() {
        return status;
    }

    String name() {
        return name;
    }

    String title() {
        return title;
    }
}
