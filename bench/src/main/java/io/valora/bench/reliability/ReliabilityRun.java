package io.valora.bench.reliability;

import io.valora.deploy.LocalStackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Issue #7's proof under fire, as one command ({@code ./valora reliability [--small] [--secure] [--seed N] [--no-faults]
 * [--runs 1|2] [--soak-minutes M [--soak-warmup-minutes W]]}): generates a scenario, runs it against a fresh local
 * stack (two rating-streams instances) with the fault schedule, checks conservation, money, acknowledged events; with
 * two runs, runs the same events again in another order on another partition count and checks that every invoice is
 * identical; with a soak, the first run then holds half the maximum rate for a warm-up of W minutes (default
 * {@link SoakPlan#DEFAULT_WARM_UP}) and then M measured minutes, and reports every process's memory slope over the M
 * minutes. Prints the report and writes it to {@code <data dir>/report.txt} (default {@code .valora/reliability/}); exits 0 only when every check
 * passed. {@code --secure} runs it all on the secured stack (three brokers, SASL_SSL/SCRAM, ACLs, replication 3),
 * with a broker SIGKILLed in run 1 and the active controller in run 2 instead of the plain broker's restart
 * ({@link Fault#schedule}).
 */
public final class ReliabilityRun {

    private ReliabilityRun() {
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        long seed = Long.parseLong(option(options, "--seed", "7"));
        HarnessConfig config = (options.contains("--small") ? HarnessConfig.small(seed) : HarnessConfig.full(seed))
                .withFaults(!options.contains("--no-faults"))
                .withSecure(options.contains("--secure"));
        int runs = Integer.parseInt(option(options, "--runs", "2"));
        Duration measured = Duration.ofMinutes(Long.parseLong(option(options, "--soak-minutes", "0")));
        // the warm-up belongs to a soak: without --soak-minutes there is none (and asking for one is an error)
        Duration warmUp = Duration.ofMinutes(Long.parseLong(option(options, "--soak-warmup-minutes",
                measured.isZero() ? "0" : Long.toString(SoakPlan.DEFAULT_WARM_UP.toMinutes()))));
        SoakPlan soak = new SoakPlan(warmUp, measured);
        Path repoRoot = Path.of(System.getProperty("valora.repo.root",
                LocalStackSettings.findRepoRoot(Path.of("")).toString()));
        Path dataDir = Path.of(option(options, "--data", repoRoot.resolve(".valora/reliability").toString()));
        PrintStream out = System.out;

        Scenario scenario = Scenario.generate(config, Instant.now());
        out.printf("Reliability run: %s%n", config);
        List<RunResult> results = new RunPlan(config, runs, soak, repoRoot, dataDir).execute(scenario, out);
        String report = Report.render(config, scenario, results);
        out.println(report);
        write(dataDir.resolve("report.txt"), report);
        System.exit(Report.passed(results) ? 0 : 1);
    }

    private static String option(List<String> options, String name, String fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : fallback;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
