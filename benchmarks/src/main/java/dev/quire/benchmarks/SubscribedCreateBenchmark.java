package dev.quire.benchmarks;

import dev.quire.Databases;
import dev.quire.Subscription;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * What change events cost a writer: {@code createDocument} with 0, 1 and 10 subscribers on the collection's
 * channel, each counting its events (and reading the payload) on its delivery thread. The store is fresh per
 * trial; each created document is deleted again outside the timed call (which is one more event per
 * subscriber, delivered while the next create runs, as it would be in an application).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SubscribedCreateBenchmark}; compare the three
 * {@code subscribers} values of one run as ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SubscribedCreateBenchmark {
    private static final String DATABASE = "bench";
    private static final String COLLECTION = "movies";

    @Param({"0", "1", "10"})
    public int subscribers;
    @Param({"FILE"})
    public Storage storage;

    private Path directory;
    private Databases db;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final LongAdder delivered = new LongAdder();
    private final List<Map<String, Object>> movies = new ArrayList<>();
    private final List<String> permissions = List.of(Permission.read(Role.any()));
    private int next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        if (storage == Storage.FILE) {
            directory = Files.createTempDirectory("quire-events-bench");
            db = Databases.open(directory.resolve("store"));
        } else {
            db = Databases.inMemory();
        }
        db.create(DATABASE, "Benchmark");
        db.createCollection(DATABASE, COLLECTION, "Movies", List.of(), true, true);
        db.createStringAttribute(DATABASE, COLLECTION, "title", 256, true, null, false);
        db.createIntegerAttribute(DATABASE, COLLECTION, "year", true, null, null, null, false);
        db.createFloatAttribute(DATABASE, COLLECTION, "rating", false, null, null, null, false);
        for (int i = 0; i < 1024; i++) {
            Map<String, Object> movie = new LinkedHashMap<>();
            movie.put("title", "A movie " + i);
            movie.put("year", 1920 + i % 100);
            movie.put("rating", (i % 100) / 10.0);
            movies.add(movie);
        }
        for (int i = 0; i < subscribers; i++) {
            subscriptions.add(db.subscribe(List.of("databases." + DATABASE + ".collections." + COLLECTION
                    + ".documents"), event -> {
                if (event.getPayload().get("title") != null) {
                    delivered.increment();
                }
            }));
        }
    }

    @Benchmark
    public Object create() {
        return db.createDocument(DATABASE, COLLECTION, "m" + next, movies.get(next & 1023), permissions);
    }

    @TearDown(Level.Invocation)
    public void forget() {
        db.deleteDocument(DATABASE, COLLECTION, "m" + next++);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        for (Subscription subscription : subscriptions) {
            if (subscription.isClosed()) {
                throw new IllegalStateException("A subscriber fell behind and was closed");
            }
        }
        db.close();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> {
                    try {
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
