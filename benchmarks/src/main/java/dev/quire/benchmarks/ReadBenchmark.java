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
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads: get by id, an indexed equality list, a range with order, a deep cursor page, a list with its exact
 * total, and full-text search. Every call returns 25 fully materialised documents (or one, for get).
 *
 * <p>Run (from the repository root, after {@code mvn -B package -pl benchmarks -am -DskipTests}):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ReadBenchmark -p size=10000,100000
 * java -jar benchmarks-nitrite/target/benchmarks-nitrite.jar ReadBenchmark -p store=NITRITE -p size=10000,100000
 * </pre>
 * or everything at once, merged into one table: {@code benchmarks/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class ReadBenchmark extends StoreBenchmark {
    private int i;

    @Setup(Level.Trial)
    public void open(BenchmarkParams params) {
        openStore();
        String benchmark = params.getBenchmark();
        switch (benchmark.substring(benchmark.lastIndexOf('.') + 1)) {
            case "get" -> Fixture.nonEmpty("get", get());
            case "indexedList" -> Fixture.nonEmpty("indexedList", indexedList());
            case "rangeList" -> Fixture.nonEmpty("rangeList", rangeList());
            case "deepPage" -> Fixture.nonEmpty("deepPage", deepPage());
            case "total" -> Fixture.nonEmpty("total", total());
            case "search" -> Fixture.nonEmpty("search", search());
            default -> throw new IllegalStateException("No sanity check for " + benchmark);
        }
    }

    @Benchmark
    public Object get() {
        return db.get(data.id(i++));
    }

    @Benchmark
    public List<?> indexedList() {
        return db.byYear(data.year(i++));
    }

    @Benchmark
    public List<?> rangeList() {
        return db.ratingRange(data.rating(i++));
    }

    @Benchmark
    public List<?> deepPage() {
        return db.pageAfter(data.cursor(i++));
    }

    @Benchmark
    public DocumentStore.Counted total() {
        return db.byYearCounted(data.year(i++));
    }

    @Benchmark
    public List<?> search() {
        return db.search(data.searchWord(i++));
    }
}
