package io.valora.bench.reliability;

import io.valora.deploy.Component;
import io.valora.deploy.LocalStack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident memory of every process of the stack at a fixed interval, and fits a line through the
 * samples: the soak's question is whether memory stays flat, i.e. whether the slope is near zero once the JVMs
 * have warmed up.
 */
public final class RssSampler implements AutoCloseable {

    /** One sample: seconds since the start, resident MB. */
    public record Sample(double seconds, double megabytes) {
    }

    private final LocalStack stack;
    private final long start = System.nanoTime();
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "reliability-rss");
        thread.setDaemon(true);
        return thread;
    });

    public RssSampler(LocalStack stack, long intervalSeconds) {
        this.stack = stack;
        timer.scheduleAtFixedRate(this::sample, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    private void sample() {
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Component component : stack.components()) {
            double mb = component.rssBytes() / (1024.0 * 1024.0);
            synchronized (samples) {
                samples.computeIfAbsent(component.name(), n -> new ArrayList<>()).add(new Sample(seconds, mb));
            }
        }
    }

    /** Samples per process so far. */
    public Map<String, List<Sample>> samples() {
        synchronized (samples) {
            Map<String, List<Sample>> copy = new LinkedHashMap<>();
            samples.forEach((name, list) -> copy.put(name, List.copyOf(list)));
            return copy;
        }
    }

    /** Least-squares slope in MB per minute of the samples from {@code fromSeconds} on; 0 with fewer than two. */
    public static double slopePerMinute(List<Sample> samples, double fromSeconds) {
        List<Sample> tail = samples.stream().filter(s -> s.seconds() >= fromSeconds && s.megabytes() > 0).toList();
        int n = tail.size();
        if (n < 2) {
            return 0;
        }
        double meanX = tail.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double meanY = tail.stream().mapToDouble(Sample::megabytes).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample s : tail) {
            covariance += (s.seconds() - meanX) * (s.megabytes() - meanY);
            variance += (s.seconds() - meanX) * (s.seconds() - meanX);
        }
        return variance == 0 ? 0 : covariance / variance * 60;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
