package dev.quire.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of a fresh store per unit test: open an in-memory store, create the movie collection with its
 * five attributes, close it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FreshStoreBenchmark}, and for Nitrite
 * {@code java -jar benchmarks-nitrite/target/benchmarks-nitrite.jar FreshStoreBenchmark -p store=NITRITE}; or
 * {@code benchmarks/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class FreshStoreBenchmark {
    @Param({"QUIRE", "JDBC"})
    public StoreType store;

    @Benchmark
    public void openAndCreateCollection() {
        try (DocumentStore fresh = store.open(null)) {
            fresh.createCollection();
        }
    }
}
