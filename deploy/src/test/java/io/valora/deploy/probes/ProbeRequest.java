package io.valora.deploy.probes;

import java.util.List;
import java.util.Map;

/**
 * One hostile (or control) request to an ingest endpoint, kept as raw bytes so the probes can send what no
 * well-behaved client would: invalid UTF-8, truncated JSON, bodies beyond the size limit.
 *
 * @param label   what the request abuses, printed when it draws a 5xx
 * @param marker  the unique text its events carry, searched for on the topic afterwards
 * @param path    gateway path
 * @param headers header name and value pairs, in order (a name may repeat)
 * @param body    request body
 * @param carriesCard whether a card number is somewhere in it (such a request must never be accepted)
 * @param mustRefuse  whether the gateway's documented rules refuse it (a poison in data that is a valid data value,
 *                    or free text in a Stripe identifier, may be accepted; then its event may be on the topic)
 * @param mustAccept  whether the rules accept it although it looks suspicious (a millisecond timestamp is no card
 *                    number): then it must be answered 2xx and its event must be on the topic
 */
record ProbeRequest(String label, String marker, String path, List<Map.Entry<String, String>> headers, byte[] body,
        boolean carriesCard, boolean mustRefuse, boolean mustAccept) {

    ProbeRequest(String label, String marker, String path, List<Map.Entry<String, String>> headers, byte[] body,
            boolean carriesCard, boolean mustRefuse) {
        this(label, marker, path, headers, body, carriesCard, mustRefuse, false);
    }

    ProbeRequest refusable(boolean refuse) {
        return new ProbeRequest(label, marker, path, headers, body, carriesCard, refuse, mustAccept);
    }

    ProbeRequest acceptable(boolean accept) {
        return new ProbeRequest(label, marker, path, headers, body, carriesCard, mustRefuse, accept);
    }
}
