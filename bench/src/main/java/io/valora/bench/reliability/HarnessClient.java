package io.valora.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness talks to Valora only through its public HTTP APIs: the operator endpoint for tenants, the catalog
 * and invoice endpoints of invoice-service, the gateway for usage.
 */
public final class HarnessClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String gatewayUrl;
    private final String invoiceUrl;
    private final String operatorToken;

    public HarnessClient(String gatewayUrl, String invoiceUrl, String operatorToken) {
        this.gatewayUrl = gatewayUrl;
        this.invoiceUrl = invoiceUrl;
        this.operatorToken = operatorToken;
    }

    /** Creates a tenant; returns its first API key (every scope). */
    public String createTenant(String id) {
        JsonNode answer = post(operatorToken, "/v1/operator/tenants",
                JsonNodeFactory.instance.objectNode().put("id", id).put("name", "Reliability " + id));
        return answer.path("apiKey").path("key").asText();
    }

    /** {@code POST} to invoice-service; throws on anything but 2xx. */
    public JsonNode post(String key, String path, JsonNode body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(invoiceUrl + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        return json(path, response);
    }

    /** Every invoice of the key's tenant (all pages). */
    public List<JsonNode> invoices(String key) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/v1/invoices?limit=200" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = json(path, send(HttpRequest.newBuilder(URI.create(invoiceUrl + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key).GET().build()));
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    /** Closes the period starting at {@code periodStart} for every subscription of the tenant. */
    public JsonNode closePeriod(String key, Instant periodStart) {
        return post(key, "/v1/invoices/close",
                JsonNodeFactory.instance.objectNode().put("periodStart", periodStart.toString()));
    }

    /**
     * Posts events as one CloudEvents batch; returns the HTTP status, or -1 when the gateway could not be reached
     * (restarting).
     */
    public int sendEvents(String key, List<HarnessEvent> events) {
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        for (HarnessEvent event : events) {
            batch.addObject().put("specversion", "1.0").put("id", event.id()).put("source", "valora-reliability")
                    .put("type", HarnessCatalog.eventType(event.meter())).put("subject", event.customer())
                    .put("time", event.time().toString())
                    .putObject("data").put("value", event.value());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/events"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode json(String path, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON from " + path, e);
        }
    }
}
