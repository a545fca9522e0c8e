package io.valora.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three services of a {@link LocalStack}, each a {@code quarkus-run.jar} in its own JVM: invoice-service,
 * one or more rating-streams instances, ingest-gateway, in that order, each told where Kafka and PostgreSQL are.
 * Keeps them by name for the service faults of the reliability tests (SIGKILL, restart).
 */
final class StackServices {

    private final LocalStackSettings settings;
    private final StackKafka kafka;
    private final StartedComponents started;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    StackServices(LocalStackSettings settings, StackKafka kafka, StartedComponents started) {
        this.settings = settings;
        this.kafka = kafka;
        this.started = started;
    }

    /**
     * Starts every service, each once it can: invoice-service (it migrates the database), rating-streams, then
     * ingest-gateway.
     */
    void startAll(PostgresProcess postgres) {
        if (!services.isEmpty()) {
            throw new IllegalStateException("services already started: " + services.keySet());
        }
        LocalStackSettings.Ports ports = settings.ports();
        start(LocalStack.INVOICE_SERVICE, LocalStack.INVOICE_SERVICE, ports.invoiceService(), Map.of(
                // The server's superuser owns the tables and migrates them; requests and the cross-tenant work run on
                // the login roles valora_api and valora_worker, which the service creates itself in the local profile.
                "VALORA_DB_URL", postgres.jdbcUrl(),
                "VALORA_DB_MIGRATION_USER", postgres.user(),
                "VALORA_DB_MIGRATION_PASSWORD", postgres.password()), List.of());
        Map<String, String> ratingProperties = new LinkedHashMap<>(settings.rating().properties());
        ratingProperties.putAll(kafka.ratingStreamsProperties());
        List<String> ratingOptions = ratingProperties.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue()).sorted().toList();
        for (int n = 1; n <= settings.rating().count(); n++) {
            start(LocalStackSettings.ratingInstanceName(n), LocalStack.RATING_STREAMS, settings.ratingPort(n), Map.of(
                    "VALORA_STATE_DIR", settings.ratingStateDir(n).toString()), ratingOptions);
        }
        start(LocalStack.INGEST_GATEWAY, LocalStack.INGEST_GATEWAY, ports.ingestGateway(), Map.of(), List.of());
    }

    private void start(String name, String module, int port, Map<String, String> extraEnv,
            List<String> extraJvmOptions) {
        Map<String, String> env = new LinkedHashMap<>(settings.serviceEnv(module));
        env.putAll(extraEnv);
        env.putAll(kafka.serviceEnv(module));
        if (!settings.topicPrefix().isEmpty()) {
            env.put("VALORA_TOPICS_PREFIX", settings.topicPrefix());
        }
        Path moduleDir = settings.repoRoot().resolve(module);
        if (!java.nio.file.Files.isRegularFile(ServiceSpec.quarkusRunJar(moduleDir))) {
            throw new IllegalStateException(module + " is not built (" + ServiceSpec.quarkusRunJar(moduleDir)
                    + " is missing): run ./mvnw -B package -DskipTests first");
        }
        List<String> jvmOptions = new ArrayList<>(settings.jvm().services());
        jvmOptions.addAll(extraJvmOptions);
        ServiceSpec spec = ServiceSpec.quarkusApp(name, moduleDir, port, env, jvmOptions);
        services.put(name, started.add(ServiceProcess.start(spec, settings.logDir(), settings.startTimeout())));
    }

    void kill(String name) {
        ServiceProcess service = require(name);
        long pid = service.pid();
        service.kill();
        settings.progress().accept("  killed " + name + " (SIGKILL, pid " + pid + ")");
    }

    ServiceProcess restart(String name) {
        ServiceProcess old = require(name);
        if (old.isAlive()) {
            old.close();
            settings.progress().accept("  stopped " + name + " for a restart");
        }
        ServiceProcess fresh = ServiceProcess.start(old.spec(), settings.logDir(), settings.startTimeout());
        services.put(name, started.replace(old, fresh));
        return fresh;
    }

    Optional<ServiceProcess> get(String name) {
        return Optional.ofNullable(services.get(name));
    }

    private ServiceProcess require(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in this stack; there are " + services.keySet());
        }
        return service;
    }
}
