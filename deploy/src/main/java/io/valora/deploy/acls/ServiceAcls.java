package io.valora.deploy.acls;

import io.valora.deploy.topics.TopicRegistry;
import io.valora.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least-privilege ACLs of the three services, from what their code does (all ALLOW, any host):
 *
 * <ul>
 *   <li><b>ingest-gateway</b> writes {@code usage-events} (idempotent producer) and reads {@code api-keys} with an
 *       assign-only reader (no group).</li>
 *   <li><b>rating-streams</b> (Kafka Streams, exactly-once v2) reads {@code usage-events}, the catalog topics it
 *       keeps as global stores ({@code meters}, {@code plans}, {@code subscriptions}) and {@code api-keys}; writes
 *       {@code rated-charges}, {@code usage-events.rejected} and {@code dead-letters}; owns every topic named
 *       {@code <application id>-*} (its repartition and changelog topics), its group and its transactional ids
 *       ({@code <application id>-<process id>-<n>}).</li>
 *   <li><b>invoice-service</b> reads {@code rated-charges} in its group; its outbox (an idempotent producer, not
 *       transactional) writes the catalog topics, {@code api-keys}, {@code invoice-events} and
 *       {@code dead-letters}.</li>
 * </ul>
 *
 * <p>Nobody gets CREATE on the cluster or on Valora's topics: they are provisioned beforehand
 * ({@code ./valora topics}). Only invoice-service may write the catalog and {@code api-keys}.
 */
public final class ServiceAcls {

    /** The cluster resource's name. */
    public static final String CLUSTER = "kafka-cluster";

    private ServiceAcls() {
    }

    /** Every binding of the three services, gateway first. */
    public static List<AclBinding> all(Topics topics, ServicePrincipals principals) {
        List<AclBinding> all = new ArrayList<>(gateway(topics, principals.gateway()));
        all.addAll(rating(topics, principals.rating(), principals.ratingApplicationId()));
        all.addAll(invoice(topics, principals.invoice(), principals.invoiceGroup()));
        return List.copyOf(all);
    }

    public static List<AclBinding> gateway(Topics topics, String principal) {
        Acls acls = new Acls(principal);
        acls.topic(topics.usageEvents(), AclOperation.WRITE, AclOperation.DESCRIBE);
        acls.topic(topics.apiKeys(), AclOperation.READ, AclOperation.DESCRIBE);
        acls.cluster(AclOperation.IDEMPOTENT_WRITE);
        return acls.list();
    }

    public static List<AclBinding> rating(Topics topics, String principal, String applicationId) {
        Acls acls = new Acls(principal);
        for (String input : List.of(topics.usageEvents(), topics.meters(), topics.plans(), topics.subscriptions())) {
            // DESCRIBE_CONFIGS: start-up checks of the input topics (e.g. their retention against the dedup window).
            acls.topic(input, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
        }
        acls.topic(topics.apiKeys(), AclOperation.READ, AclOperation.DESCRIBE);
        for (String output : List.of(topics.ratedCharges(), topics.usageEventsRejected(), topics.deadLetters())) {
            acls.topic(output, AclOperation.WRITE, AclOperation.DESCRIBE);
        }
        acls.add(ResourceType.TOPIC, TopicRegistry.ratingInternalTopicPrefix(applicationId), PatternType.PREFIXED,
                AclOperation.ALL);
        acls.add(ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        acls.add(ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED, AclOperation.WRITE,
                AclOperation.DESCRIBE);
        acls.cluster(AclOperation.IDEMPOTENT_WRITE);
        return acls.list();
    }

    public static List<AclBinding> invoice(Topics topics, String principal, String group) {
        Acls acls = new Acls(principal);
        acls.topic(topics.ratedCharges(), AclOperation.READ, AclOperation.DESCRIBE);
        acls.add(ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        for (String output : List.of(topics.customers(), topics.meters(), topics.plans(), topics.subscriptions(),
                topics.apiKeys(), topics.invoiceEvents(), topics.deadLetters())) {
            acls.topic(output, AclOperation.WRITE, AclOperation.DESCRIBE);
        }
        acls.cluster(AclOperation.IDEMPOTENT_WRITE);
        return acls.list();
    }

    /** One line per binding, aligned: principal, operation, resource type, pattern, name. */
    public static List<String> describe(List<AclBinding> bindings) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-24s %-17s %-16s %-8s %s", "principal", "operation", "resource", "pattern", "name"));
        for (AclBinding b : bindings) {
            lines.add(String.format("%-24s %-17s %-16s %-8s %s", b.entry().principal(), b.entry().operation(),
                    b.pattern().resourceType(), b.pattern().patternType(), b.pattern().name()));
        }
        return lines;
    }

    /** Collects the bindings of one principal. */
    private static final class Acls {
        private final String principal;
        private final List<AclBinding> list = new ArrayList<>();

        Acls(String principal) {
            this.principal = principal;
        }

        /** The operations, plus DESCRIBE_CONFIGS: every service checks its topics' spec at start-up (KafkaStartupCheck). */
        void topic(String name, AclOperation... operations) {
            java.util.Set<AclOperation> all = new java.util.LinkedHashSet<>(java.util.List.of(operations));
            all.add(AclOperation.DESCRIBE_CONFIGS);
            add(ResourceType.TOPIC, name, PatternType.LITERAL, all.toArray(AclOperation[]::new));
        }

        void cluster(AclOperation... operations) {
            add(ResourceType.CLUSTER, CLUSTER, PatternType.LITERAL, operations);
        }

        void add(ResourceType type, String name, PatternType pattern, AclOperation... operations) {
            for (AclOperation op : operations) {
                list.add(new AclBinding(new ResourcePattern(type, name, pattern),
                        new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
            }
        }

        List<AclBinding> list() {
            return List.copyOf(list);
        }
    }
}
