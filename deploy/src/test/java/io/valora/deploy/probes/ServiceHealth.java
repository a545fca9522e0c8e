package io.valora.deploy.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service says about itself: its readiness answer ({@code /q/health/ready}, with every check's name, status
 * and data) and one Prometheus sample from {@code /q/metrics}. The blast-radius probe judges the services by these
 * public answers, as an operator's monitoring would.
 */
final class ServiceHealth {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceHealth() {
    }

    /** The readiness answer: HTTP status and body ({@code status}, {@code checks[]} with name, status, data). */
    record Readiness(int httpStatus, JsonNode body) {

        String status() {
            return body.path("status").asText();
        }

        /** The check of that name, or a missing node. */
        JsonNode check(String name) {
            for (JsonNode check : body.path("checks")) {
                if (check.path("name").asText().equals(name)) {
                    return check;
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    static Readiness readiness(String baseUrl) {
        HttpResponse<String> response = get(baseUrl + "/q/health/ready");
        try {
            return new Readiness(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable readiness of " + baseUrl + ": " + response.body(), e);
        }
    }

    /**
     * The sum of the samples of {@code metric} (e.g. {@code valora_rating_rejected_total}) whose labels contain
     * {@code labelText} (e.g. {@code reason="amount-overflow"}, or empty for all); 0 when none is exported yet.
     */
    static BigDecimal metric(String baseUrl, String metric, String labelText) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "(\\{[^}]*})?\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(get(baseUrl + "/q/metrics").body());
        BigDecimal sum = BigDecimal.ZERO;
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            if (labels.contains(labelText)) {
                sum = sum.add(new BigDecimal(m.group(2)));
            }
        }
        return sum;
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
