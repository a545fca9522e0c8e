package io.valora.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * A small HTTP client for the three services, as an adopting application would use them: the
 * demo and the end-to-end test talk to Valora only through its public APIs.
 */
public final class ValoraClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;
    private final String ratingUrl;
    private final String invoiceUrl;
    private final String apiKey;

    public ValoraClient(String gatewayUrl, String ratingUrl, String invoiceUrl, String apiKey) {
        this.gatewayUrl = gatewayUrl;
        this.ratingUrl = ratingUrl;
        this.invoiceUrl = invoiceUrl;
        this.apiKey = apiKey;
    }

    /** Posts one usage event; returns the HTTP status (202 when the broker holds it). */
    public int sendEvent(UsageSample event) {
        return sendEvents(java.util.List.of(event));
    }

    /**
     * Posts events as one CloudEvents batch (all or nothing); returns the HTTP status (202 when the broker holds
     * every one of them).
     */
    public int sendEvents(java.util.List<UsageSample> events) {
        StringBuilder body = new StringBuilder("[");
        for (UsageSample event : events) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("""
                {"specversion":"1.0","id":"%s","source":"valora-demo","type":"%s","subject":"%s","time":"%s","data":{"value":%s}}"""
                    .formatted(event.id(), event.meter(), event.customer(), event.time(), event.value().toPlainString()));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())).build();
        return send(request).statusCode();
    }

    /**
     * {@code POST} of a JSON body to invoice-service's {@code path} (e.g. {@code /v1/plans}); returns the answer.
     *
     * @throws IllegalStateException on any status but 2xx, with the problem details the service sent
     */
    public JsonNode postCatalog(String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(invoiceUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return json(request);
    }

    /** Closes the period starting at {@code periodStart} for every subscription; returns the invoices. */
    public JsonNode closePeriod(Instant periodStart) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(invoiceUrl + "/v1/invoices/close"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"periodStart\":\"" + periodStart + "\"}")).build();
        return json(request).path("invoices");
    }

    /** {@code GET /v1/invoices?customer=}. */
    public JsonNode invoicesOf(String customer) {
        return json(HttpRequest.newBuilder(URI.create(invoiceUrl + "/v1/invoices?customer=" + customer))
                .header("Authorization", "Bearer " + apiKey).GET().build()).path("items");
    }

    /** {@code GET /v1/invoices/{id}}. */
    public JsonNode invoice(String id) {
        return json(HttpRequest.newBuilder(URI.create(invoiceUrl + "/v1/invoices/" + id))
                .header("Authorization", "Bearer " + apiKey).GET().build());
    }

    /** Duplicate events rating-streams has dropped so far (its Prometheus counter). */
    public long duplicatesDropped() {
        String metrics = send(HttpRequest.newBuilder(URI.create(ratingUrl + "/q/metrics")).GET().build()).body();
        return metrics.lines().filter(l -> l.startsWith("valora_rating_duplicates_total"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .mapToLong(v -> new java.math.BigDecimal(v).longValue()).findFirst().orElse(0);
    }

    private JsonNode json(HttpRequest request) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable JSON from " + request.uri() + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
