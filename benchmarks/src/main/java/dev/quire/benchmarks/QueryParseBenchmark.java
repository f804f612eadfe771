package dev.quire.benchmarks;

import dev.quire.query.Field;
import dev.quire.query.FieldType;
import dev.quire.query.Query;
import dev.quire.query.QueryPlan;
import dev.quire.query.QuerySchema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Parsing and validating one request's batch of eight query strings (filters, a nested {@code or}, a
 * search, an order, a cursor, a limit and a select) against the movie collection's schema: the work every
 * Quire list call does before it reaches H2. Quire only; the others take no query strings.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar QueryParseBenchmark}, or {@code benchmarks/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class QueryParseBenchmark {
    private static final int BATCHES = 16;

    private final QuerySchema schema = QuerySchema.forDocuments(List.of(
            new Field("title", FieldType.STRING, false), new Field("year", FieldType.INTEGER, false),
            new Field("rating", FieldType.FLOAT, false), new Field("active", FieldType.BOOLEAN, false),
            new Field("genres", FieldType.STRING, true)), Set.of("title"));
    private final List<List<String>> batches = new java.util.ArrayList<>();
    private int i;

    @Setup
    public void prepare() {
        Dataset data = Dataset.of(1_000);
        for (int b = 0; b < BATCHES; b++) {
            batches.add(List.of(
                    Query.equal("year", data.year(b)),
                    Query.greaterThanEqual("rating", data.rating(b)),
                    Query.or(List.of(Query.equal("active", true), Query.contains("genres", List.of("drama", "crime")))),
                    Query.search("title", data.searchWord(b)),
                    Query.orderDesc("rating"),
                    Query.cursorAfter(data.id(b)),
                    Query.limit(25),
                    Query.select(List.of("title", "year", "rating"))));
        }
        Fixture.nonEmpty("parse", parse().filters());
    }

    @Benchmark
    public QueryPlan parse() {
        return QueryPlan.of(batches.get(i++ & (BATCHES - 1)), schema);
    }
}
