package io.valora.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.deploy.LocalStackSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #7's proof under fire on every build: the harness's CI-sized configuration, two runs (3 and 5 partitions,
 * other send orders) on real processes with all four faults, exactly what {@code ./valora reliability --small}
 * runs. Every check of the report must pass; the report is printed either way so a failure can be read from the
 * build log, and the run's data and logs stay in {@code bench/target/it-data/reliability-small}.
 */
class SmallReliabilityIT {

    @Test
    // a generous deadline, not a pacing: two runs take about 3 minutes on 2 busy cores; a hang fails here and
    // the interrupted run still stops its stack (try-with-resources in HarnessRun)
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void everyCheckHoldsThroughFaultsAndAcrossTwoRuns() {
        PrintStream out = System.out;
        HarnessConfig config = HarnessConfig.small(7);
        Path repoRoot = repoRoot();
        Path dataDir = Path.of(System.getProperty("valora.test.dir", "target/it-data")).toAbsolutePath()
                .resolve("reliability-small");
        Scenario scenario = Scenario.generate(config, Instant.now());

        long begin = System.nanoTime();
        List<RunResult> results = new RunPlan(config, 2, SoakPlan.NONE, repoRoot, dataDir).execute(scenario, out);
        String report = Report.render(config, scenario, results);
        out.println(report);
        out.printf("SmallReliabilityIT: two runs in %d s%n", (System.nanoTime() - begin) / 1_000_000_000);

        assertThat(results).hasSize(2);
        assertThat(results).allSatisfy(run -> assertThat(run.checks()).extracting(Check::name)
                .containsExactly("acknowledged", "charges", "no-loss", "conservation", "money"));
        assertThat(results.get(0).faults()).as("faults applied in run 1").hasSize(Fault.schedule(false, 1).size());
        assertThat(results.get(1).faults()).as("faults applied in run 2").hasSize(Fault.schedule(false, 2).size());
        assertThat(results).flatExtracting(RunResult::checks).filteredOn(c -> !c.passed()).as(report).isEmpty();
        assertThat(Report.determinism(results.get(0), results.get(1)).passed()).as(report).isTrue();
        assertThat(Report.passed(results)).as(report).isTrue();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                .as("processes left behind").isEmpty();
    }

    /**
     * The checkout whose packaged services run: {@code -Dvalora.repo.root} when given (a build of one commit while
     * the working tree is being rebuilt by others), else the one around the working directory.
     */
    private static Path repoRoot() {
        String given = System.getProperty("valora.repo.root");
        return given != null && !given.isBlank() ? Path.of(given) : LocalStackSettings.findRepoRoot(Path.of(""));
    }
}
