package io.valora.invoice.api;

import java.util.List;

/**
 * An error the API answers with a problem response: thrown at the boundary when a request is
 * wrong (400), names something that is not there (404), is not allowed (403), conflicts with
 * the current state (409) or is refused (422).
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String name;
    private final String title;
    private final transient List<Problem.FieldError> errors;

    private ProblemException(int status, String name, String title, String detail) {
        this(status, name, title, detail, null);
    }

    private ProblemException(int status, String name, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.name = name;
        this.title = title;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    /** 422 with the fields of the body that are invalid ({@code name} says which kind of body). */
    public static ProblemException invalidFields(String name, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, name, "Invalid fields", detail, errors);
    }

    /** 400: the request cannot be used as sent; {@code detail} says what to change. */
    public static ProblemException badRequest(String name, String detail) {
        return new ProblemException(400, name, "Invalid request", detail);
    }

    /** 404: nothing with this id exists for the caller's tenant. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", "No " + what + " with id '" + id + "'.");
    }

    /** 403: the credential is valid but lacks what the request needs. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    /** 409: the request conflicts with the current state ({@code name} says which conflict). */
    public static ProblemException conflict(String name, String title, String detail) {
        return new ProblemException(409, name, title, detail);
    }

    /** 422: the request is well-formed but refused ({@code name} says why). */
    public static ProblemException unprocessable(String name, String title, String detail) {
        return new ProblemException(422, name, title, detail);
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

    List<Problem.FieldError> errors() {
        return errors;
    }
}
