package io.valora.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One Valora service as its own OS process, ready once {@code GET /q/health/ready} answers 200.
 * Output goes to {@code <logDir>/<name>.log}.
 */
public final class ServiceProcess extends StartedProcess {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final ServiceSpec spec;

    private ServiceProcess(ServiceSpec spec, ChildProcess process, Duration startupTime) {
        super(process, startupTime);
        this.spec = spec;
    }

    /**
     * Starts the service and waits until it is ready.
     *
     * @throws IllegalStateException if it exits or is not ready within {@code timeout}, with the end of its
     *                               log; the process is stopped then
     */
    public static ServiceProcess start(ServiceSpec spec, Path logDir, Duration timeout) {
        Loopback.requireFree(spec.port(), spec.name());
        ChildProcess child = ChildProcess.start(spec.name(), spec.command(), spec.env(),
                logDir.resolve(spec.name() + ".log"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(spec.readinessUrl())).timeout(Duration.ofSeconds(2)).build();
        try {
            boolean up = Poll.until(timeout, () -> {
                if (!child.isAlive()) {
                    throw child.failure("exited while starting");
                }
                try {
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (java.io.IOException notYet) {
                    return false;
                }
            });
            if (!up) {
                throw child.failure("was not ready at " + spec.readinessUrl() + " within " + timeout);
            }
            return new ServiceProcess(spec, child, child.sinceStart());
        } catch (Exception e) {
            child.stop(STOP_TIMEOUT);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("starting " + spec.name() + " failed", e);
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return spec.url();
    }

    public Path log() {
        return process.log();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public void close() {
        process.stop(STOP_TIMEOUT);
    }

    /** SIGKILL, as a crash: no shutdown hook runs, nothing is flushed or committed. */
    public void kill() {
        process.kill();
    }
}
