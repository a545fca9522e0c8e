package io.valora.gateway.api;

import static io.restassured.RestAssured.given;
import static io.valora.gateway.api.Events.KEY;
import static io.valora.gateway.api.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.valora.gateway.support.PartitionableKafkaResource;
import io.valora.gateway.support.UsageTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away mid-run: requests end in 503 + Retry-After within the publish timeout
 * (3 s here), the gateway recovers by itself when the broker is back, and every event that was
 * answered 202 is in the topic.
 */
@QuarkusTest
@QuarkusTestResource(value = PartitionableKafkaResource.class, restrictToAnnotatedClass = true)
class BrokerOutageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void answers503WhileTheBrokerIsGoneAndRecoversWithNothingAcknowledgedLost() {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assertThat(post("outage-before-" + i).statusCode()).isEqualTo(202);
            acknowledged.add("outage-before-" + i);
        }

        PartitionableKafkaResource.proxy.cut();
        long start = System.nanoTime();
        CompletableFuture<ExtractableResponse<Response>> pending = CompletableFuture.supplyAsync(() -> post("outage-during"));
        for (int i = 0; i < 3; i++) {
            // While requests wait for the broker, the event loops stay free for everything else.
            long asked = System.nanoTime();
            given().header("Authorization", KEY).contentType("application/cloudevents+json").body("{\"specversion\":\"1.0\"}")
                    .when().post("/v1/events").then().statusCode(400);
            given().when().get("/q/health/live").then().statusCode(200);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("answers during the outage").isLessThan(Duration.ofSeconds(1));
        }
        ExtractableResponse<Response> during = pending.join();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.header("Retry-After")).isNotBlank();
        assertThat(during.contentType()).startsWith("application/problem+json");
        assertThat(took).as("bounded by the 3 s publish timeout").isLessThan(Duration.ofSeconds(6));

        PartitionableKafkaResource.proxy.restore();
        Awaitility.await("gateway recovers by itself").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                .until(() -> post("outage-after").statusCode() == 202);
        acknowledged.add("outage-after");
        for (int i = 0; i < 5; i++) {
            assertThat(post("outage-after-" + i).statusCode()).isEqualTo(202);
            acknowledged.add("outage-after-" + i);
        }

        assertThat(UsageTopic.awaitAll(bootstrapServers, acknowledged)).containsAll(acknowledged);
    }

    private static ExtractableResponse<Response> post(String id) {
        return given().header("Authorization", KEY).contentType("application/cloudevents+json").body(event(id, "cust-outage"))
                .when().post("/v1/events").then().extract();
    }
}
