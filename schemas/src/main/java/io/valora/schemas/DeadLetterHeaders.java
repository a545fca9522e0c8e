package io.valora.schemas;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Header names of a record on the dead-letter topic ({@link Topics#deadLetters()}), shared by every
 * service that writes one, so an operator (or a replay tool) reads all of them the same way.
 *
 * <p>Why it exists: a record a service could not process must neither halt the service nor vanish.
 * It is copied to the one dead-letter topic with its original key and value bytes as the record's key
 * and value, and these headers say where it came from and what went wrong. All values are UTF-8
 * text; numbers in decimal.
 */
public final class DeadLetterHeaders {

    /** The topic the failed record was read from. */
    public static final String SOURCE_TOPIC = "valora.dlq.source.topic";
    /** Its partition, e.g. {@code 2}. */
    public static final String SOURCE_PARTITION = "valora.dlq.source.partition";
    /** Its offset in that partition, e.g. {@code 41873}. */
    public static final String SOURCE_OFFSET = "valora.dlq.source.offset";
    /** The fully qualified class name of the exception. */
    public static final String EXCEPTION_CLASS = "valora.dlq.exception.class";
    /** The exception's message (empty when it has none), cut to {@link #MAX_MESSAGE_LENGTH} characters. */
    public static final String EXCEPTION_MESSAGE = "valora.dlq.exception.message";
    /** The service that wrote the dead letter, e.g. {@code rating-streams}, {@code invoice-service}. */
    public static final String SERVICE = "valora.dlq.service";
    /** Optional: the step of the service that failed (a processor name, a consumer), for people. */
    public static final String STAGE = "valora.dlq.stage";

    /** Longest exception message written; longer ones are cut, so a header never grows without bound. */
    public static final int MAX_MESSAGE_LENGTH = 1000;

    private DeadLetterHeaders() {
    }

    /**
     * Writes the headers of a dead letter into {@code headers}, replacing any of the same names (a
     * letter may carry the original record's headers): where the record was read, what failed, and
     * the service. Partition and offset are {@code -1} when unknown.
     */
    public static Headers write(Headers headers, String sourceTopic, int partition, long offset, Throwable error, String service) {
        put(headers, SOURCE_TOPIC, sourceTopic == null ? "" : sourceTopic);
        put(headers, SOURCE_PARTITION, Integer.toString(partition));
        put(headers, SOURCE_OFFSET, Long.toString(offset));
        put(headers, EXCEPTION_CLASS, error.getClass().getName());
        put(headers, EXCEPTION_MESSAGE, message(error));
        put(headers, SERVICE, service);
        return headers;
    }

    /** The exception's message as {@link #EXCEPTION_MESSAGE} carries it: empty when it has none, cut to the bound. */
    public static String message(Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH);
    }

    /** Sets one header, replacing any of that name. */
    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
