package io.valora.bench.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Closed-loop HTTP load: {@code connections} threads, each with its own keep-alive HTTP/1.1
 * client, posting bodies back to back for a fixed time. Counts only {@code 202} answers as
 * accepted; anything else is counted as an error and reported.
 */
final class HttpLoad {

    /** What one phase achieved. */
    record Result(long requests, long events, long errors, double seconds, LatencyRecorder latency) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private HttpLoad() {
    }

    static Result run(URI url, String apiKey, String contentType, int connections, Duration duration,
            int eventsPerRequest, Supplier<String> bodies) throws InterruptedException {
        return run(url, apiKey, contentType, connections, duration, eventsPerRequest, bodies, 0);
    }

    /**
     * As above; with {@code targetRate > 0} requests per second (over all connections) each thread
     * sends on a fixed schedule instead of back to back, to measure latency at a given load.
     */
    static Result run(URI url, String apiKey, String contentType, int connections, Duration duration,
            int eventsPerRequest, Supplier<String> bodies, double targetRate) throws InterruptedException {
        long intervalNanos = targetRate > 0 ? (long) (connections * 1e9 / targetRate) : 0;
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        LatencyRecorder latency = new LatencyRecorder();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                long next = System.nanoTime();
                while (System.nanoTime() < end) {
                    if (intervalNanos > 0) {
                        next += intervalNanos;
                        java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
                    }
                    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + apiKey).header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get())).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 202) {
                            requests.incrementAndGet();
                            latency.record(System.nanoTime() - sent);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(requests.get(), requests.get() * eventsPerRequest, errors.get(), seconds, latency);
    }
}
