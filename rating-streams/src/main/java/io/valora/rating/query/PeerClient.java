package io.valora.rating.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a live query to the instance that holds its state, with the caller's own
 * {@code Authorization} header: the owner authenticates and scopes it exactly as if the caller had
 * asked it directly, so forwarding never widens what a key may read. Every call is bounded by the
 * timeout, so a dead peer costs one timeout, not a hung request.
 */
public final class PeerClient {

    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout bound of connecting to and hearing back from one peer */
    public PeerClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * {@code GET http://host:port<pathAndQuery>} with the caller's authorization.
     *
     * @throws PeerUnreachableException when the peer cannot be reached or does not answer within the timeout
     */
    public PeerAnswer get(HostInfo host, String pathAndQuery, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new PeerAnswer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } catch (IOException e) {
            throw new PeerUnreachableException("live query to " + host + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnreachableException("interrupted while asking " + host, e);
        }
    }
}
