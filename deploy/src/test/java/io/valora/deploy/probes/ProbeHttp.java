package io.valora.deploy.probes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends probes and tallies every status seen, so the test can print and assert the whole distribution. A request
 * the JDK client refuses to send (e.g. a header it deems illegal) or that the server answers by dropping the
 * connection counts as status 0: neither is a 5xx, and both are printed.
 */
final class ProbeHttp {

    /**
     * HTTP/1.1: offered an h2c upgrade, invoice-service answers a body beyond its cap with a GOAWAY that the JDK
     * client reports as an IOException instead of the 413 it sent.
     */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Bodies larger than this ask for a 100-continue first (well under invoice-service's 512 KB cap). */
    private static final int EXPECT_CONTINUE_ABOVE_CHARS = 64 * 1024;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int sent;

    /** Sends a probe; returns its status (0 = no HTTP answer). */
    int send(String baseUrl, ProbeRequest probe) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + probe.path()))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        try {
            probe.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
            // A client of its own per probe: a connection the server cut over one probe's abuse must not be
            // reused (and fail) for the next probe.
            HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return tally(fresh.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IllegalArgumentException | IOException e) {
            System.out.println("[probes] no HTTP answer to " + probe.label() + ": " + e);
            return tally(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON request to a service with an API key; returns status and body. */
    HttpResponse<String> call(String method, String url, String key, String jsonBody, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Accept", accept)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json");
            // A body beyond the service's cap is answered 413 from its Content-Length, and the connection is closed;
            // sent at once, the body races that close and the client may see a reset instead of the 413 (CI saw it
            // once). Asking "Expect: 100-continue" first makes the 413 arrive before any of the body is written.
            builder.expectContinue(jsonBody.length() > EXPECT_CONTINUE_ABOVE_CHARS);
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            tally(response.statusCode());
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a request by hand over a socket, for what the JDK client will not send (a Content-Length that does not
     * match the body, Content-Length next to chunked encoding); returns the first status line's code.
     */
    int raw(String host, int port, String head, byte[] body) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            String[] parts = line.toString().split(" ");
            return tally(parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0);
        } catch (IOException e) {
            return tally(0);
        }
    }

    private synchronized int tally(int status) {
        sent++;
        statuses.merge(status, 1, Integer::sum);
        return status;
    }

    synchronized int sent() {
        return sent;
    }

    synchronized Map<Integer, Integer> statuses() {
        return new TreeMap<>(statuses);
    }
}
