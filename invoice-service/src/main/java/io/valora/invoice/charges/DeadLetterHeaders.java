package io.valora.invoice.charges;

/**
 * Names of the headers a dead letter carries beside the record as it arrived.
 *
 * <p>Why it exists: whoever reads the dead-letter topic must find where a record came from and why
 * it was refused without decoding it. The names are meant to be shared by every service (a
 * {@code schemas} class is on its way); until then this service states them once, here.
 */
public final class DeadLetterHeaders {

    /** Topic the record was read from. */
    public static final String SOURCE_TOPIC = "valora.dlq.source.topic";
    /** Its partition (decimal text). */
    public static final String SOURCE_PARTITION = "valora.dlq.source.partition";
    /** Its offset (decimal text). */
    public static final String SOURCE_OFFSET = "valora.dlq.source.offset";
    /** Class of the exception that refused it. */
    public static final String EXCEPTION_CLASS = "valora.dlq.exception.class";
    /** That exception's message. */
    public static final String EXCEPTION_MESSAGE = "valora.dlq.exception.message";
    /** The service that refused it. */
    public static final String SERVICE = "valora.dlq.service";
    /** This service's name in {@link #SERVICE}. */
    public static final String THIS_SERVICE = "invoice-service";

    private DeadLetterHeaders() {
    }
}
