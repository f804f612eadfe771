package dev.quire.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every benchmark once, in this JVM, with one short iteration on 1,000 documents, so the benchmarks
 * cannot rot. It measures nothing: no timing is asserted.
 */
class SmokeTest {

    @Test
    void everyBenchmarkRunsOnceForQuireAndJdbc() throws RunnerException {
        Collection<RunResult> results = runOnce(new OptionsBuilder()
                .include("dev\\.quire\\.benchmarks\\..*Benchmark"));

        // 6 reads + create + bulk create + delete + update + increment + 2 permission lists + 2 matches for 2
        // stores, 2 fresh stores, 1 parse; creates with 0, 1 and 10 subscribers, and 2 delivery measures; 5 ways
        // to a fresh test store and 2 imports; 3 ways to write 100 updates (Quire only: transactions).
        assertEquals(15 * 2 + 2 + 1 + 3 + 2 + 5 + 2 + 3, results.size());
    }

    @Test
    void theWritesRunOnTheFloorWithH2sDefaultWriteDelay() throws RunnerException {
        Collection<RunResult> results = runOnce(new OptionsBuilder()
                .include("dev\\.quire\\.benchmarks\\.(Create|Delete|Update)Benchmark")
                .param("store", StoreType.JDBC_DELAYED.name()));

        assertEquals(3, results.size());
    }

    private static Collection<RunResult> runOnce(ChainedOptionsBuilder benchmarks) throws RunnerException {
        Options options = benchmarks
                .param("size", "1000")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        results.forEach(result -> assertTrue(result.getPrimaryResult().getScore() > 0,
                () -> result.getParams().getBenchmark() + " " + result.getParams()));
        return results;
    }
}
