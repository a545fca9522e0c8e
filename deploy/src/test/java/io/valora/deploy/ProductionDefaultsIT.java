package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged services run production behaviour unless the launcher says otherwise: started in
 * their default ({@code prod}) profile, none accepts the development key; a gateway started in
 * {@code prod} with a development key configured, or against topics with one replica, refuses to
 * start and says why.
 */
class ProductionDefaultsIT {

    private static final String DEV_KEY = "valora-dev-key";
    /** The prod profile; the topic check off, since the local stack's single broker has one replica by design. */
    private static final Map<String, String> PROD = Map.of("QUARKUS_PROFILE", "prod", "VALORA_KAFKA_STARTUP_CHECK", "off");
    /**
     * invoice-service in prod, on the local stack's database: the launcher gives it only the migration (owner) user, so
     * it creates its non-owner request and system login roles as a DBA would (the role check stays enforced).
     */
    private static final Map<String, String> INVOICE_PROD = Map.of("QUARKUS_PROFILE", "prod", "VALORA_KAFKA_STARTUP_CHECK", "off",
            "VALORA_DB_CREATE_LOGIN_ROLES", "true");

    @Test
    void theDevelopmentKeyGets401FromEveryServiceInItsDefaultProfile() throws Exception {
        PrintStream out = System.out;
        LocalStackSettings settings = LocalStackSettings.builder(TestDirs.repoRoot())
                .dataDir(TestDirs.fresh("production-defaults"))
                .ports(LocalStackSettings.Ports.free())
                .serviceEnv("ingest-gateway", PROD).serviceEnv("rating-streams", PROD).serviceEnv("invoice-service", INVOICE_PROD)
                .progress(line -> out.println("[prod-defaults] " + line))
                .build();
        try (LocalStack stack = LocalStack.start(settings)) {
            HttpClient http = HttpClient.newHttpClient();
            assertThat(status(http, HttpRequest.newBuilder(URI.create(stack.ingestGatewayUrl() + "/v1/events"))
                    .header("Content-Type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":\"1.0\",\"id\":\"p-1\",\"source\":\"t\","
                            + "\"type\":\"api_call\",\"subject\":\"c\",\"data\":{\"value\":1}}"))))
                    .as("gateway").isEqualTo(401);
            assertThat(status(http, HttpRequest.newBuilder(URI.create(stack.ratingStreamsUrl() + "/v1/charges?customer=c")).GET()))
                    .as("rating-streams").isEqualTo(401);
            assertThat(status(http, HttpRequest.newBuilder(URI.create(stack.invoiceServiceUrl() + "/v1/invoices")).GET()))
                    .as("invoice-service").isEqualTo(401);

            // With its defaults (the topic check on), a production gateway refuses the one-replica topics.
            LocalStackSettings.Ports free = LocalStackSettings.Ports.free();
            ServiceSpec spec = ServiceSpec.quarkusApp("gateway-prod-one-replica", TestDirs.repoRoot().resolve("ingest-gateway"),
                    free.ingestGateway(), Map.of("QUARKUS_PROFILE", "prod", "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers()),
                    List.of("-Xmx256m"));
            ChildProcess gateway = ChildProcess.start(spec.name(), spec.command(), spec.env(),
                    TestDirs.fresh("production-one-replica").resolve("gateway.log"));
            try {
                assertThat(gateway.process().waitFor(90, TimeUnit.SECONDS)).as("the gateway exits by itself").isTrue();
                assertThat(gateway.process().exitValue()).isNotZero();
                assertThat(gateway.output()).contains("usage-events has 1 replica(s)");
            } finally {
                gateway.process().destroyForcibly();
            }
        }
    }

    @Test
    void aProductionGatewayWithADevelopmentKeyRefusesToStartAndNamesTheSetting() throws Exception {
        LocalStackSettings.Ports ports = LocalStackSettings.Ports.free();
        Path moduleDir = TestDirs.repoRoot().resolve("ingest-gateway");
        ServiceSpec spec = ServiceSpec.quarkusApp("gateway-prod-devkey", moduleDir, ports.ingestGateway(),
                Map.of("QUARKUS_PROFILE", "prod", "VALORA_AUTH_DEV_KEY", DEV_KEY, "VALORA_KAFKA_STARTUP_CHECK", "off",
                        "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka()), List.of("-Xmx256m"));
        ChildProcess gateway = ChildProcess.start(spec.name(), spec.command(), spec.env(),
                TestDirs.fresh("production-devkey").resolve("gateway.log"));
        try {
            assertThat(gateway.process().waitFor(90, TimeUnit.SECONDS)).as("the gateway exits by itself").isTrue();
            assertThat(gateway.process().exitValue()).isNotZero();
            assertThat(gateway.output()).contains("valora.auth.dev-key").contains("refusing to start");
        } finally {
            gateway.process().destroyForcibly();
        }
    }

    private static int status(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + DEV_KEY).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
