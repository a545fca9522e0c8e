package io.valora.deploy.provision;

import io.valora.deploy.topics.ProvisioningRefused;
import io.valora.deploy.topics.TopicCheck;
import io.valora.deploy.topics.TopicProvisioner;
import io.valora.deploy.topics.TopicRegistry;
import io.valora.deploy.topics.TopicSpec;
import io.valora.deploy.acls.AclProvisioner;
import io.valora.deploy.acls.ServiceAcls;
import io.valora.deploy.acls.ServicePrincipals;
import io.valora.schemas.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AclBinding;

/**
 * {@code ./valora topics}: provisions Valora's topics (and, if asked, its services' ACLs) on any Kafka cluster.
 *
 * <pre>
 * ./valora topics --bootstrap HOST:PORT [--command-config client.properties] [--prefix P]
 *                 [--partitions N] [--replication-factor N] [--min-insync-replicas N]
 *                 [--dry-run] [--acls] [--apply-acls]
 *                 [--gateway-principal User:x] [--rating-principal User:y] [--invoice-principal User:z]
 *                 [--rating-application-id valora-rating] [--invoice-group valora-invoice-service]
 * </pre>
 *
 * <p>Exit status: 0 the cluster has every topic (and, with {@code --apply-acls}, every ACL) as specified;
 * 1 refused (a message says why and what to do); 2 wrong usage; 3 something differs and was not changed (an
 * existing topic that does not satisfy its spec, or with {@code --dry-run} anything still to create).
 */
public final class TopicsCommand {

    static final String USAGE = "usage: ./valora topics --bootstrap HOST:PORT [--command-config FILE] [--prefix P] "
            + "[--partitions N] [--replication-factor N] [--min-insync-replicas N] [--dry-run] [--acls] [--apply-acls] "
            + "[--gateway-principal P] [--rating-principal P] [--invoice-principal P] [--rating-application-id ID] "
            + "[--invoice-group G] [--timeout-seconds S]";

    private TopicsCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** The command, with its output on {@code out} and refusals on {@code err}; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (Admin admin = Admin.create(options.adminProperties())) {
            return provision(options, admin, out);
        } catch (ProvisioningRefused e) {
            err.println("refused: " + e.getMessage());
            return 1;
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println("refused: could not build an admin client from the configuration: " + e.getMessage());
            return 1;
        }
    }

    private static int provision(Options options, Admin admin, PrintStream out) {
        TopicRegistry registry = options.registry();
        TopicProvisioner topics = new TopicProvisioner(admin, options.timeout());
        int brokers = topics.brokerCount();
        out.printf("Cluster at %s: %d broker(s). Wanted: %d partitions, replication factor %d, min.insync.replicas %d%s%n",
                options.bootstrap(), brokers, registry.partitions(), registry.replicationFactor(),
                registry.minInsyncReplicas(), options.dryRun() ? " (dry run: nothing is changed)" : "");
        if (registry.replicationFactor() < TopicRegistry.PRODUCTION_REPLICATION_FACTOR) {
            out.println("note: replication factor " + registry.replicationFactor() + " is for a test cluster; losing "
                    + "a broker can lose acknowledged records or stop writes (docs/operations.md)");
        }
        List<TopicCheck> checks = topics.check(registry);
        List<String> created = options.dryRun() ? List.of() : topics.createMissing(registry, checks);
        printTopics(out, checks, created, options.dryRun());
        boolean drift = checks.stream().anyMatch(c -> !c.missing() && !c.satisfied())
                || (options.dryRun() && checks.stream().anyMatch(TopicCheck::missing));

        out.println();
        out.println("rating-streams makes its internal topics (" + TopicRegistry.ratingInternalTopicPrefix(
                options.principals().ratingApplicationId()) + "*) itself; give it:");
        registry.ratingStreamsProperties().forEach((k, v) -> out.println("  " + k + "=" + v));

        if (options.printAcls() || options.applyAcls()) {
            List<AclBinding> wanted = ServiceAcls.all(registry.topics(), options.principals());
            out.println();
            out.println("ACLs (" + wanted.size() + ", all ALLOW from any host):");
            ServiceAcls.describe(wanted).forEach(line -> out.println("  " + line));
            if (options.applyAcls()) {
                AclProvisioner acls = new AclProvisioner(admin, options.timeout());
                List<AclBinding> missing = acls.missing(wanted);
                if (options.dryRun()) {
                    out.println(missing.size() + " of them missing on the cluster; a run without --dry-run creates them");
                    drift |= !missing.isEmpty();
                } else {
                    acls.create(missing);
                    out.println("created " + missing.size() + " ACL(s); " + (wanted.size() - missing.size())
                            + " were there already");
                }
            }
        }
        if (drift) {
            out.println();
            out.println(options.dryRun() ? "Differences found (exit 3); nothing was changed."
                    : "Some existing topics differ from their spec and were left as they are (exit 3): "
                            + "see docs/operations.md, Provisioning.");
            return 3;
        }
        return 0;
    }

    private static void printTopics(PrintStream out, List<TopicCheck> checks, List<String> created, boolean dryRun) {
        out.printf("  %-32s %10s %3s %7s %-8s %-9s %s%n", "topic", "partitions", "RF", "min.isr", "cleanup",
                "retention", "state");
        for (TopicCheck c : checks) {
            TopicSpec s = c.wanted();
            String state;
            if (c.missing()) {
                state = created.contains(s.name()) ? "created" : dryRun ? "missing: would be created" : "missing";
            } else if (c.satisfied()) {
                state = "exists, as specified";
            } else {
                state = "DIFFERS: " + String.join("; ", c.differences());
            }
            out.printf("  %-32s %10d %3d %7s %-8s %-9s %s%n", s.name(), s.partitions(), s.replicationFactor(),
                    s.configs().get(TopicSpec.MIN_INSYNC_REPLICAS), s.configs().get(TopicSpec.CLEANUP_POLICY),
                    s.compacted() ? "-" : TopicCheck.readable(s.configs().get(TopicSpec.RETENTION_MS)), state);
        }
    }

    /** The parsed command line. */
    record Options(String bootstrap, Map<String, Object> clientConfig, String prefix, int partitions,
            short replicationFactor, int minInsyncReplicas, boolean dryRun, boolean printAcls, boolean applyAcls,
            ServicePrincipals principals, Duration timeout) {

        static Options parse(List<String> args) {
            Map<String, String> values = new HashMap<>();
            boolean dryRun = false;
            boolean acls = false;
            boolean applyAcls = false;
            List<String> valued = List.of("--bootstrap", "--command-config", "--prefix", "--partitions",
                    "--replication-factor", "--min-insync-replicas", "--gateway-principal", "--rating-principal",
                    "--invoice-principal", "--rating-application-id", "--invoice-group", "--timeout-seconds");
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--dry-run" -> dryRun = true;
                    case "--acls" -> acls = true;
                    case "--apply-acls" -> applyAcls = true;
                    default -> {
                        if (!valued.contains(a)) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        values.put(a, args.get(++i));
                    }
                }
            }
            String bootstrap = values.get("--bootstrap");
            if (bootstrap == null || bootstrap.isBlank()) {
                throw new IllegalArgumentException("--bootstrap HOST:PORT is required");
            }
            int partitions = positive(values, "--partitions", TopicRegistry.PRODUCTION_PARTITIONS);
            short rf = (short) positive(values, "--replication-factor", TopicRegistry.PRODUCTION_REPLICATION_FACTOR);
            int minIsr = positive(values, "--min-insync-replicas",
                    Math.min(TopicRegistry.PRODUCTION_MIN_INSYNC_REPLICAS, rf));
            if (minIsr > rf) {
                throw new IllegalArgumentException("--min-insync-replicas " + minIsr + " is more than the replication "
                        + "factor " + rf + ": every acks=all write would be refused");
            }
            ServicePrincipals defaults = ServicePrincipals.defaults();
            ServicePrincipals principals = new ServicePrincipals(
                    values.getOrDefault("--gateway-principal", defaults.gateway()),
                    values.getOrDefault("--rating-principal", defaults.rating()),
                    values.getOrDefault("--invoice-principal", defaults.invoice()),
                    values.getOrDefault("--rating-application-id", defaults.ratingApplicationId()),
                    values.getOrDefault("--invoice-group", defaults.invoiceGroup()));
            Map<String, Object> clientConfig = values.containsKey("--command-config")
                    ? load(Path.of(values.get("--command-config"))) : Map.of();
            return new Options(bootstrap, clientConfig, values.getOrDefault("--prefix", ""), partitions, rf, minIsr,
                    dryRun, acls, applyAcls, principals,
                    Duration.ofSeconds(positive(values, "--timeout-seconds", 30)));
        }

        TopicRegistry registry() {
            return new TopicRegistry(new Topics(prefix), partitions, replicationFactor, minInsyncReplicas);
        }

        /** The command config's keys, then the bootstrap address and bounded timeouts. */
        Map<String, Object> adminProperties() {
            Map<String, Object> p = new HashMap<>(clientConfig);
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "valora-topics");
            p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
            p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout.toMillis(), 15000)));
            return p;
        }

        private static int positive(Map<String, String> values, String name, int fallback) {
            String v = values.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < 1) {
                    throw new IllegalArgumentException(name + " must be at least 1, was " + v);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, was " + v);
            }
        }

        private static Map<String, Object> load(Path file) {
            Properties props = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --command-config " + file + ": " + e.getMessage());
            }
            Map<String, Object> map = new HashMap<>();
            props.forEach((k, v) -> map.put(k.toString(), v.toString()));
            return map;
        }
    }
}
