package io.valora.rating.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.valora.auth.Caller;
import io.valora.auth.Roles;
import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.rating.query.ClusterQueries;
import io.valora.rating.query.PeerClient;
import io.valora.rating.topology.RatingTopology;
import io.valora.schemas.Topics;
import io.valora.service.auth.AuthenticatedCaller;
import io.valora.service.auth.CallerIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live-query resource's answers that do not need data: not ready yet, and invalid queries. */
class LiveQueryResourceTest {

    @TempDir
    java.nio.file.Path stateDir;

    private KafkaStreams notStarted;
    private LiveQueryResource resource;

    @BeforeEach
    void create() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "resource-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"); // never contacted: not started
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        RatingSettings settings = RatingSettings.defaults();
        notStarted = new KafkaStreams(RatingTopology.build(Topics.unprefixed(), settings, RatingMetrics.NONE, new Properties()), props);
        ClusterQueries cluster = new ClusterQueries(notStarted, new HostInfo("127.0.0.1", 1), () -> {
            throw new AssertionError("stores must not be read while not running");
        }, partition -> {
            throw new AssertionError("stores must not be read while not running");
        }, new PeerClient(Duration.ofSeconds(1)), new ObjectMapper());
        resource = new LiveQueryResource(notStarted, cluster,
                new AuthenticatedCaller(CallerIdentity.of(new Caller("demo", Set.of(Roles.READ), "test-key"))));
    }

    @AfterEach
    void close() {
        notStarted.close(Duration.ofSeconds(5));
    }

    @Test
    void answers503WithRetryAfterWhileStreamsIsNotRunning() {
        Response charges = resource.charges("cust-1", null, callerOf("demo"));
        Response usage = resource.usage("cust-1", "api_call", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "DAY", null,
                callerOf("demo"));

        for (Response response : new Response[] {charges, usage}) {
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo(LiveQueryResource.RETRY_AFTER_SECONDS);
            assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void refusesIncompleteOrMalformedQueriesWith400() {
        assertThat(resource.charges(" ", null, callerOf("demo")).getStatus()).isEqualTo(400);
        assertThat(resource.usage("cust-1", null, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", null, null, callerOf("demo"))
                .getStatus()).isEqualTo(400);
        assertThat(resource.usage("cust-1", "api_call", "yesterday", "2026-11-02T00:00:00Z", null, null, callerOf("demo"))
                .getStatus()).isEqualTo(400);
        assertThat(resource.usage("cust-1", "api_call", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "WEEK", null,
                callerOf("demo")).getStatus()).isEqualTo(400);
        assertThat(resource.usage("cust-1", "api_call", "2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", "DAY", null,
                callerOf("demo")).getStatus()).isEqualTo(400);
    }

    /** A request with a key (its tenant, demo, comes from the resource's caller). */
    private static ContainerRequestContext callerOf(String tenant) {
        return (ContainerRequestContext) Proxy.newProxyInstance(LiveQueryResourceTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaderString")) {
                        return "Bearer test-key";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
