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
 * A partial update: sets one attribute of an existing document (Quire also bumps {@code $updatedAt}, and
 * so do the others). Each pass over the prepared ids writes a different value, so no update is a no-op.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar UpdateBenchmark -p size=10000}, and for Nitrite
 * {@code java -jar benchmarks-nitrite/target/benchmarks-nitrite.jar UpdateBenchmark -p store=NITRITE}; or
 * {@code benchmarks/run.sh} for every store in one table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class UpdateBenchmark extends StoreBenchmark {
    /** Not one-decimal values, so never a document's loaded rating. */
    private static final double[] RATINGS = {1.25, 7.75};

    private int i;

    @Setup(Level.Trial)
    public void open() {
        openStore();
        Fixture.nonEmpty("get before update", db.get(data.id(0)));
    }

    @Benchmark
    public void update() {
        db.updateRating(data.id(i), RATINGS[(i >>> 10) & 1]);
        i++;
    }
}
