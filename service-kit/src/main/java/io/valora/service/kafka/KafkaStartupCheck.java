package io.valora.service.kafka;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks at start-up, with the service's own credentials, that the Kafka topics it needs exist
 * with a safe spec, and stops the service with the reason when not: credentials or certificates
 * the cluster refuses (an orchestrator then shows that message, not a silent retry loop), a
 * topic that is missing, or one with a single replica or {@code min.insync.replicas} below 2
 * (where an acknowledged event could be lost with one broker). A broker that does not answer in
 * time only logs a warning: readiness reports it, and the service serves once it is back.
 *
 * <p>Off ({@code valora.kafka.startup-check=off}) in the launcher's {@code local} profile and in
 * tests, whose single broker has one replica by design.
 */
@Startup
@ApplicationScoped
public class KafkaStartupCheck {

    private static final Logger LOG = Logger.getLogger(KafkaStartupCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    KafkaStartupCheck(KafkaClientConfig kafka, KafkaCheckSettings settings,
            @ConfigProperty(name = "valora.topics.prefix") Optional<String> prefix,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        Optional<List<String>> required = settings.requiredTopics();
        if ("off".equalsIgnoreCase(settings.startupCheck().strip()) || required.isEmpty()) {
            return;
        }
        List<String> topics = required.get().stream().map(t -> prefix.orElse("").strip() + t.strip()).toList();
        try (Admin admin = Admin.create(kafka.client(application + "-startup-check", Map.of(
                "request.timeout.ms", "15000", "default.api.timeout.ms", Long.toString(TIMEOUT.toMillis())), Map.of()))) {
            List<String> problems = problems(describe(admin, topics), configs(admin, topics));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Kafka topics not safe to run on: " + String.join("; ", problems)
                        + ". Provision them with ./valora topics (docs/operations.md).");
            }
            LOG.infof("Kafka topics checked at start-up: %s", topics);
        } catch (TimeoutException e) {
            LOG.warnf("Kafka did not answer the start-up check within %s; starting anyway, readiness reports the connection", TIMEOUT);
        }
    }

    /** What is unsafe about these topics (empty when nothing). */
    static List<String> problems(Map<String, TopicDescription> descriptions, Map<String, Integer> minInsync) {
        List<String> problems = new ArrayList<>();
        descriptions.forEach((name, description) -> {
            int replicas = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
            if (replicas < 2) {
                problems.add(name + " has " + replicas + " replica(s)");
            }
            Integer isr = minInsync.get(name);
            if (isr != null && isr < 2) {
                problems.add(name + " has min.insync.replicas=" + isr);
            }
        });
        return problems;
    }

    private static Map<String, TopicDescription> describe(Admin admin, Collection<String> topics) throws TimeoutException {
        try {
            return admin.describeTopics(topics).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw refused(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the Kafka start-up check", e);
        }
    }

    private static Map<String, Integer> configs(Admin admin, Collection<String> topics) throws TimeoutException {
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        try {
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Integer> minInsync = new java.util.HashMap<>();
            configs.forEach((resource, config) -> {
                ConfigEntry entry = config.get("min.insync.replicas");
                if (entry != null && entry.value() != null) {
                    minInsync.put(resource.name(), Integer.parseInt(entry.value()));
                }
            });
            return minInsync;
        } catch (ExecutionException e) {
            throw refused(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the Kafka start-up check", e);
        }
    }

    /** Why the check could not describe the topics, worded for the operator who reads the exit message. */
    static IllegalStateException refused(Throwable cause) {
        if (cause instanceof SslAuthenticationException) {
            // TLS 1.3 reports a client certificate the broker refused only as "Failed to process post-handshake
            // messages", so the message says which two things to check.
            return new IllegalStateException("Kafka refused this service's credentials or certificate: the TLS handshake failed ("
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "). Check that kafka.ssl.truststore.* holds"
                    + " the CA of the brokers' certificates and, with mutual TLS, that the brokers trust the certificate in"
                    + " kafka.ssl.keystore.* (or their KAFKA_SSL_* variables)", cause);
        }
        if (cause instanceof AuthenticationException) {
            return new IllegalStateException("Kafka refused this service's credentials or certificate: "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                    + " (check kafka.sasl.jaas.config / kafka.ssl.* or their KAFKA_* variables)", cause);
        }
        if (cause instanceof AuthorizationException) {
            return new IllegalStateException("Kafka denied this service's principal: " + cause.getMessage()
                    + " (apply the ACLs of ./valora topics --acls)", cause);
        }
        if (cause instanceof UnknownTopicOrPartitionException) {
            return new IllegalStateException("A Kafka topic this service needs does not exist: " + cause.getMessage()
                    + " (provision the topics with ./valora topics)", cause);
        }
        return new IllegalStateException("The Kafka start-up check failed: " + cause, cause);
    }
}
