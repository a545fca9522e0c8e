package io.valora.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Requests beyond the HTTP layer's limits are answered at once, not left hanging. The JDK client is
 * used as it comes: it offers an h2c upgrade on every plain-HTTP request, and a too-large header on
 * such a request used to get no answer at all while HTTP/2 was on.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class HttpLimitsTest {

    private static final Duration PROMPT = Duration.ofSeconds(5);

    @TestHTTPResource("/v1/events")
    URL events;

    @Test
    void answersAHugeHeaderWith431Promptly() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(events.toURI()).header("X-Padding", "a".repeat(100_000)));
        assertThat(answer.statusCode()).isEqualTo(431);
    }

    @Test
    void answersAHugeAuthorizationHeaderWith431Promptly() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(events.toURI())
                .setHeader("Authorization", "Bearer " + "k".repeat(70_000)));
        assertThat(answer.statusCode()).isEqualTo(431);
    }

    @Test
    void answersAHugeRequestLineWith414Promptly() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(events + "?pad=" + "p".repeat(10_000))));
        assertThat(answer.statusCode()).isEqualTo(414);
    }

    @Test
    void stillAcceptsAnEventFromTheSameClient() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(events.toURI());
        assertThat(send(request.POST(HttpRequest.BodyPublishers.ofString(Events.event("limits-ok", "cust-limits")))).statusCode())
                .isEqualTo(202);
    }

    /** Sends with the client's defaults (HTTP/2 preferred); a hang fails on the request timeout. */
    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROMPT).build();
        HttpRequest built = request.timeout(PROMPT).header("Content-Type", "application/cloudevents+json")
                .setHeader("Authorization", request.build().headers().firstValue("Authorization").orElse(Events.KEY))
                .POST(request.build().bodyPublisher().orElse(HttpRequest.BodyPublishers.ofString("{}"))).build();
        return client.send(built, HttpResponse.BodyHandlers.ofString());
    }
}
