package io.valora.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks and prints every figure as one line {@code BENCH <name> <value> <unit>}.
 *
 * <p>Why it exists: JMH's own report is for people; the {@code BENCH} lines are for scripts
 * that compare runs. Any JMH command-line option is passed through (e.g. {@code -f 1 -wi 2 -i 3}
 * or a benchmark name regex); the benchmarks' annotations give short defaults.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** Runs the selected benchmarks, then prints the {@code BENCH} lines. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        System.out.println();
        for (RunResult result : results) {
            String fullName = result.getParams().getBenchmark();
            String name = fullName.substring(fullName.lastIndexOf('.', fullName.lastIndexOf('.') - 1) + 1);
            System.out.println(String.format(Locale.ROOT, "BENCH %s %.3f %s", name,
                    result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit()));
        }
    }
}
