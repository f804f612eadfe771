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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Creates one document with its four permissions, in its own transaction. The document is deleted again
 * outside the timed call, so the collection keeps its size however long the run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CreateBenchmark -p size=10000}, and for Nitrite
 * {@code java -jar benchmarks-nitrite/target/benchmarks-nitrite.jar CreateBenchmark -p store=NITRITE}; or
 * {@code benchmarks/run.sh} for every store in one table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class CreateBenchmark extends StoreBenchmark {
    private int next;

    @Setup(Level.Trial)
    public void open() {
        openStore();
        db.create(data.fresh(0));
        Fixture.nonEmpty("create", db.get(data.fresh(0).id()));
        db.delete(data.fresh(0).id());
    }

    @Benchmark
    public void create() {
        db.create(data.fresh(next));
    }

    @TearDown(Level.Invocation)
    public void forget() {
        db.delete(data.fresh(next++).id());
    }
}
