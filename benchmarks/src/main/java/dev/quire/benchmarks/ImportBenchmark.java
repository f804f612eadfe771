package dev.quire.benchmarks;

import dev.quire.DataFiles;
import dev.quire.Databases;
import dev.quire.Schemas;
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

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code quire import}: 100,000 documents of the ten-attribute collection from JSON lines into a new store, as
 * {@code DataFiles.importLines} does it (one call per document; each collection all or nothing). The score is
 * the time of one import of {@code size} documents; documents per second = size / seconds.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ImportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, batchSize = 1)
@Measurement(iterations = 2, batchSize = 1)
public class ImportBenchmark {
    /** Documents in the file; the smoke test passes 1,000. */
    @Param("100000")
    public int size;

    @Param({"MEMORY", "FILE"})
    public Storage storage;

    private Path directory;
    private Path lines;
    private Databases db;
    private int round;

    @Setup(Level.Trial)
    public void writeLines() throws IOException {
        directory = Files.createTempDirectory("quire-import");
        lines = directory.resolve("movies.jsonl");
        String[] genres = {"drama", "comedy", "animation", "horror", "documentary"};
        try (BufferedWriter out = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
            for (int i = 0; i < size; i++) {
                out.write("{\"$id\":\"m" + i + "\",\"$databaseId\":\"app\",\"$collectionId\":\"movies\","
                        + "\"$permissions\":[\"read(\\\"user:u" + (i % 100) + "\\\")\"],\"title\":\"Movie " + i
                        + "\",\"year\":" + (1900 + i % 200) + ",\"rating\":" + (i % 100) / 10.0 + ",\"genres\":[\""
                        + genres[i % genres.length] + "\"],\"watched\":" + (i % 2 == 0) + ",\"runtime\":" + (60 + i % 120)
                        + ",\"rated\":\"PG\"}");
                out.newLine();
            }
        }
    }

    @Setup(Level.Invocation)
    public void emptyStore() {
        db = storage == Storage.MEMORY ? Databases.inMemory() : Databases.open(directory.resolve("store-" + round++));
        Schemas.apply(db, new ByteArrayInputStream(TestStoreBenchmark.SCHEMA.getBytes(StandardCharsets.UTF_8)),
                "appwrite.json");
    }

    @TearDown(Level.Invocation)
    public void close() {
        db.close();
    }

    @TearDown(Level.Trial)
    public void removeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public long importLines() {
        return DataFiles.importLines(db, lines, DataFiles.Progress.NONE);
    }
}
