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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates {@value #BATCH} documents with their permissions in one call (Quire's {@code createDocuments}, the
 * DAO's one transaction of batched inserts). One operation is the whole batch: documents per second are the
 * score times {@value #BATCH}. The documents are deleted again outside the timed call, so the collection keeps
 * its size.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BulkCreateBenchmark -p size=10000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class BulkCreateBenchmark extends StoreBenchmark {
    static final int BATCH = 1000;

    private final List<Movie> batch = new ArrayList<>(BATCH);
    private final List<String> ids = new ArrayList<>(BATCH);

    @Setup(Level.Trial)
    public void open() {
        openStore();
        for (int i = 0; i < BATCH; i++) {
            batch.add(data.fresh(i));
            ids.add(data.fresh(i).id());
        }
        db.createAll(batch);
        Fixture.nonEmpty("bulk create", db.get(ids.get(BATCH - 1)));
        db.deleteAll(ids);
    }

    @Benchmark
    public void createAll() {
        db.createAll(batch);
    }

    @TearDown(Level.Invocation)
    public void forget() {
        db.deleteAll(ids);
    }
}
