package io.valora.bench.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * HTTP load on one Vert.x event loop: {@code connections} keep-alive HTTP/1.1 connections, each
 * carrying up to {@code depth} pipelined requests, so thousands of requests per second cost the
 * load tool one thread instead of one blocked thread per request (it shares the cores with the
 * gateway and the broker). Closed loop (every answer sends the next request) or paced at a fixed
 * rate; counts only {@code 202} answers as accepted, anything else as an error.
 */
final class HttpLoad implements AutoCloseable {

    /** What one phase achieved. */
    /**
     * @param latency from the moment each request was sent to its answer
     * @param scheduledLatency paced phases: from the moment each request was due by the schedule to
     *     its answer, so a stall of the tool itself (its own GC, no CPU) counts against the figure
     *     instead of silently delaying sends (coordinated omission); closed loop: same as latency
     * @param maxSendLateness paced phases: the most a request left after it was due (the tool's
     *     longest stall), in nanoseconds; 0 for closed loop
     */
    record Result(long requests, long events, long errors, double seconds, LatencyRecorder latency,
            LatencyRecorder scheduledLatency, long maxSendLateness) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /**
     * One phase of load.
     *
     * @param contentType the request's Content-Type
     * @param eventsPerRequest events in each body, for the events/s figure
     * @param bodies the next request body
     * @param duration how long requests are started
     * @param targetRate requests per second over all connections; 0 = closed loop, as fast as answered
     */
    record Phase(String contentType, int eventsPerRequest, Supplier<String> bodies, Duration duration, double targetRate) {
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));
    private final HttpClient client;
    private final RequestOptions template;
    private final int inFlight;

    /**
     * @param depth requests in flight per connection (HTTP/1.1 pipelining when above 1)
     */
    HttpLoad(URI url, String apiKey, int connections, int depth) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(depth > 1)
                .setPipeliningLimit(Math.max(1, depth)).setConnectTimeout(5_000).setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.template = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost()).setPort(url.getPort())
                .setURI(url.getRawPath()).putHeader("Authorization", "Bearer " + apiKey).setTimeout(30_000);
        this.inFlight = connections * Math.max(1, depth);
    }

    Result run(Phase phase) throws Exception {
        Run run = new Run(phase);
        vertx.runOnContext(ignored -> run.start());
        return run.done.get(phase.duration().toSeconds() + 60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The state of one phase; touched only on the event loop. */
    private final class Run {
        final Phase phase;
        final RequestOptions options;
        final LatencyRecorder latency = new LatencyRecorder();
        final LatencyRecorder scheduledLatency = new LatencyRecorder();
        long maxSendLateness;
        final CompletableFuture<Result> done = new CompletableFuture<>();
        long start;
        long end;
        long started;
        long accepted;
        long errors;
        int outstanding;
        boolean stopped;

        Run(Phase phase) {
            this.phase = phase;
            this.options = new RequestOptions(template).putHeader("Content-Type", phase.contentType());
        }

        void start() {
            start = System.nanoTime();
            end = start + phase.duration().toNanos();
            if (phase.targetRate() <= 0) {
                for (int i = 0; i < inFlight; i++) {
                    send(System.nanoTime());
                }
            } else {
                vertx.setPeriodic(1, timer -> {
                    long now = System.nanoTime();
                    if (now >= end) {
                        vertx.cancelTimer(timer);
                        stopped = true;
                        finishIfIdle();
                        return;
                    }
                    long due = (long) ((now - start) / 1e9 * phase.targetRate());
                    // Open loop: requests due are started even if earlier ones are still waiting
                    // (the client queues them), so a slow gateway shows as latency, not as a lower rate.
                    while (started < due) {
                        long scheduled = start + (long) ((started + 1) * 1e9 / phase.targetRate());
                        maxSendLateness = Math.max(maxSendLateness, now - scheduled);
                        send(scheduled);
                    }
                });
            }
        }

        void send(long scheduled) {
            started++;
            outstanding++;
            long sent = System.nanoTime();
            Buffer body = Buffer.buffer(phase.bodies().get());
            client.request(options)
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onComplete(outcome -> {
                        outstanding--;
                        if (outcome.succeeded() && outcome.result() == 202) {
                            accepted++;
                            long answered = System.nanoTime();
                            latency.record(answered - sent);
                            scheduledLatency.record(answered - Math.min(scheduled, sent));
                        } else {
                            errors++;
                        }
                        if (phase.targetRate() <= 0 && System.nanoTime() < end) {
                            send(System.nanoTime());
                        } else {
                            stopped = stopped || phase.targetRate() <= 0;
                            finishIfIdle();
                        }
                    });
        }

        void finishIfIdle() {
            if (stopped && outstanding == 0 && !done.isDone()) {
                double seconds = (System.nanoTime() - start) / 1e9;
                done.complete(new Result(accepted, accepted * phase.eventsPerRequest(), errors, seconds, latency,
                        scheduledLatency, maxSendLateness));
            }
        }
    }
}
