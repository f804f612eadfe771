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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The indexed list of {@link ReadBenchmark#indexedList()} twice: as the root handle (no permission check)
 * and as a user on a collection with document security and no collection read permission, so each candidate
 * row's permissions are checked. The user owns 1% of the movies and may read about half of them.
 * Nitrite has no permissions, so this runs for Quire and JDBC only.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PermissionBenchmark -p size=10000,100000}, or
 * {@code benchmarks/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class PermissionBenchmark extends StoreBenchmark {
    private String user;
    private int i;

    @Setup(Level.Trial)
    public void open() {
        openStore();
        user = Dataset.reader();
        Fixture.nonEmpty("asRoot", asRoot());
        Fixture.nonEmpty("asUser", asUser());
    }

    @Benchmark
    public List<?> asRoot() {
        return db.byYear(data.year(i++));
    }

    @Benchmark
    public List<?> asUser() {
        return db.byYearReadableBy(user, data.year(i++));
    }
}
