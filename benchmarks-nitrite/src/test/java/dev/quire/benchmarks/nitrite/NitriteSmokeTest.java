package dev.quire.benchmarks.nitrite;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every benchmark Nitrite can do once, in this JVM, with one short iteration on 1,000 documents, so
 * the Nitrite side cannot rot. It measures nothing: no timing is asserted.
 */
class NitriteSmokeTest {
    /** Everything but permissions (Nitrite has none) and query parsing (Quire's own). */
    static final String NITRITE_BENCHMARKS =
            "dev\\.quire\\.benchmarks\\.(ReadBenchmark|CreateBenchmark|DeleteBenchmark|UpdateBenchmark|FreshStoreBenchmark)\\.";

    @Test
    void everyBenchmarkNitriteCanDoRunsOnce() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(NITRITE_BENCHMARKS)
                .param("store", "NITRITE")
                .param("size", "1000")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        // 6 reads, create, delete, update and a fresh store.
        assertEquals(10, results.size());
        results.forEach(result -> assertTrue(result.getPrimaryResult().getScore() > 0,
                () -> result.getParams().getBenchmark() + " " + result.getParams()));
    }
}
