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
 * Deletes one document with its full-text words, in its own transaction. The document is created outside
 * the timed call, so the collection keeps its size however long the run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DeleteBenchmark -p size=10000}, and for Nitrite
 * {@code java -jar benchmarks-nitrite/target/benchmarks-nitrite.jar DeleteBenchmark -p store=NITRITE}; or
 * {@code benchmarks/run.sh} for every store in one table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class DeleteBenchmark extends StoreBenchmark {
    private int next;

    @Setup(Level.Trial)
    public void open() {
        openStore();
    }

    @Setup(Level.Invocation)
    public void prepare() {
        db.create(data.fresh(next));
    }

    @Benchmark
    public void delete() {
        db.delete(data.fresh(next++).id());
    }

    @Override
    protected void verifyAfterTrial() {
        if (db.get(data.fresh(next - 1).id()) != null) {
            throw new IllegalStateException("delete left the document behind");
        }
    }
}
