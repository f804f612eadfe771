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
 * Substring and regex filters on the title, which no index serves: each call scans in insertion order until it
 * has a page of 25 (a title holds one of 200 words about 1.5% of the time, so about 1,700 rows a page). Quire
 * runs them on its linear-time functions (RE2/J, a Knuth-Morris-Pratt search); the floor on H2's own
 * {@code LIKE} and {@code REGEXP_LIKE}, which Quire used before. Nitrite has neither query.
 *
 * <p>Run (from the repository root, after {@code mvn -B package -pl benchmarks -am -DskipTests}):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MatchBenchmark -p store=QUIRE,JDBC -p size=10000,100000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class MatchBenchmark extends StoreBenchmark {
    private final String[] patterns = new String[Dataset.WORDS.length];
    private int i;

    @Setup(Level.Trial)
    public void open(BenchmarkParams params) {
        openStore();
        for (int w = 0; w < patterns.length; w++) {
            patterns[w] = "(^| )" + Dataset.WORDS[w] + "( |$)";
        }
        String benchmark = params.getBenchmark();
        switch (benchmark.substring(benchmark.lastIndexOf('.') + 1)) {
            case "contains" -> Fixture.nonEmpty("contains", contains());
            case "regex" -> Fixture.nonEmpty("regex", regex());
            default -> throw new IllegalStateException("No sanity check for " + benchmark);
        }
    }

    @Benchmark
    public List<?> contains() {
        return db.titleContains(data.searchWord(i++));
    }

    @Benchmark
    public List<?> regex() {
        return db.titleMatches(patterns[i++ % patterns.length]);
    }
}
