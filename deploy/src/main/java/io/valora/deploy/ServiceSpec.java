package io.valora.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run one HTTP service and where it answers.
 *
 * @param name    e.g. {@code ingest-gateway}; also the log file name
 * @param command the full command line
 * @param port    HTTP port on 127.0.0.1, polled at {@code /q/health/ready}
 * @param env     variables added to the launcher's environment
 */
public record ServiceSpec(String name, List<String> command, int port, Map<String, String> env) {

    /** The configuration profile the launcher runs the services in (development key on, demo tenant). */
    public static final String LOCAL_PROFILE = "local";

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    /**
     * A Quarkus application packaged by the build as {@code <moduleDir>/target/quarkus-app/quarkus-run.jar},
     * run with {@code java -jar}. Sets {@code QUARKUS_HTTP_PORT}, {@code QUARKUS_HTTP_HOST=127.0.0.1} and,
     * unless {@code env} names another, {@code QUARKUS_PROFILE=local}: the launcher's profile, the only
     * one with the development key (a packaged service on its own runs with production defaults).
     */
    public static ServiceSpec quarkusApp(String name, Path moduleDir, int port, Map<String, String> env,
            List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", quarkusRunJar(moduleDir).toString()));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("QUARKUS_PROFILE", LOCAL_PROFILE);
        all.putAll(env);
        all.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        all.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return new ServiceSpec(name, command, port, all);
    }

    public static Path quarkusRunJar(Path moduleDir) {
        return moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String readinessUrl() {
        return url() + "/q/health/ready";
    }
}
