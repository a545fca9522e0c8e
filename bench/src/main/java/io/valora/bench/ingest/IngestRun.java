package io.valora.bench.ingest;

import io.valora.bench.ClientProperties;
import io.valora.bench.ProcessCpu;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The ingest figures one cluster gives, for a run that compares clusters ({@code io.valora.bench.cluster}): the raw
 * producer with the gateway's settings, batched POSTs and single-event POSTs through the gateway, each with the CPU
 * the gateway and the brokers spent per event or request. A subset of {@link IngestLoad}'s phases, returned instead
 * of printed, so the caller can name and compare them.
 */
public final class IngestRun {

    private static final String BATCH_TYPE = "application/cloudevents-batch+json";
    private static final String SINGLE_TYPE = "application/cloudevents+json";

    /**
     * Where to send and how long.
     *
     * @param gateway     {@code http://127.0.0.1:<port>} of a running ingest-gateway
     * @param apiKey      a key with the ingest scope
     * @param kafka       how the raw producer connects (the gateway's own client properties)
     * @param topic       the usage-events topic
     * @param phase       length of each measured phase
     * @param warmUp      length of each warm-up (batched, then single; not reported)
     * @param connections keep-alive connections, one request in flight on each
     * @param batch       events per batched request
     */
    public record Settings(URI gateway, String apiKey, ClientProperties kafka, String topic, Duration phase,
            Duration warmUp, int connections, int batch) {
    }

    /**
     * What one cluster gave. CPU figures are microseconds; NaN when a process's CPU could not be read.
     *
     * @param rawProducer             acknowledged events/s of one producer with the gateway's settings
     * @param batched                 events/s accepted in batched POSTs
     * @param batchedP99              ms
     * @param batchedGatewayCpu       gateway CPU per accepted event of the batched phase
     * @param batchedBrokerCpu        all brokers' CPU per accepted event of the batched phase
     * @param single                  single-event requests/s accepted
     * @param singleP99               ms
     * @param singleGatewayCpu        gateway CPU per accepted request of the single phase
     * @param singleBrokerCpu         all brokers' CPU per accepted request of the single phase
     * @param errors                  requests not answered 202 in the measured phases
     */
    public record Result(double rawProducer, double batched, double batchedP99, double batchedGatewayCpu,
            double batchedBrokerCpu, double single, double singleP99, double singleGatewayCpu, double singleBrokerCpu,
            long errors) {
    }

    private IngestRun() {
    }

    /** Warms the gateway up, then measures the raw producer, batched and single-event POSTs, in that order. */
    public static Result measure(Settings settings, long gatewayPid, List<Long> brokerPids) throws Exception {
        URI events = URI.create(settings.gateway() + "/v1/events");
        String run = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        int batch = settings.batch();
        try (HttpLoad http = new HttpLoad(events, settings.apiKey(), settings.connections(), 1)) {
            http.run(new HttpLoad.Phase(BATCH_TYPE, batch, () -> EventPayloads.batch(run, batch), settings.warmUp(), 0));
            http.run(new HttpLoad.Phase(SINGLE_TYPE, 1, () -> EventPayloads.cloudEvent(run), settings.warmUp(), 0));

            double raw = RawProducerRate.measure(settings.kafka(), settings.topic(), settings.phase(), run);

            double gatewayBefore = ProcessCpu.seconds(gatewayPid);
            double brokersBefore = cpu(brokerPids);
            HttpLoad.Result batched = http.run(new HttpLoad.Phase(BATCH_TYPE, batch, () -> EventPayloads.batch(run, batch),
                    settings.phase(), 0));
            double batchedGateway = per(ProcessCpu.seconds(gatewayPid) - gatewayBefore, batched.events());
            double batchedBrokers = per(cpu(brokerPids) - brokersBefore, batched.events());

            gatewayBefore = ProcessCpu.seconds(gatewayPid);
            brokersBefore = cpu(brokerPids);
            HttpLoad.Result single = http.run(new HttpLoad.Phase(SINGLE_TYPE, 1, () -> EventPayloads.cloudEvent(run),
                    settings.phase(), 0));
            double singleGateway = per(ProcessCpu.seconds(gatewayPid) - gatewayBefore, single.requests());
            double singleBrokers = per(cpu(brokerPids) - brokersBefore, single.requests());

            return new Result(raw, batched.eventsPerSecond(), batched.latency().percentileMillis(0.99), batchedGateway,
                    batchedBrokers, single.requestsPerSecond(), single.latency().percentileMillis(0.99), singleGateway,
                    singleBrokers, batched.errors() + single.errors());
        }
    }

    private static double cpu(List<Long> pids) {
        return pids.stream().mapToDouble(ProcessCpu::seconds).sum();
    }

    /** Microseconds per unit; NaN without work or without a readable CPU time. */
    private static double per(double cpuSeconds, long count) {
        return count > 0 ? cpuSeconds * 1e6 / count : Double.NaN;
    }
}
