package dev.quire.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * An atomic counter: adds 1 to a document's year (Quire's {@code incrementDocumentAttribute}, the DAO's
 * {@code UPDATE … SET "year" = "year" + 1}), cycling over the prepared ids.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar IncrementBenchmark -p size=10000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class IncrementBenchmark extends StoreBenchmark {
    private int i;

    @Setup(Level.Trial)
    public void open() {
        openStore();
        Fixture.nonEmpty("get before increment", db.get(data.id(0)));
    }

    @Benchmark
    public void increment() {
        db.incrementYear(data.id(i++));
    }
}
