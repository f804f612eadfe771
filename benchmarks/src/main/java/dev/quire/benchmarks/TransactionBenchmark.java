package dev.quire.benchmarks;

import dev.quire.Databases;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A hundred updates together against a hundred single update calls, on Quire only: each operation writes the
 * rating of 100 documents. {@code single} makes 100 {@code updateDocument} calls (100 commits, each waiting for
 * the file); {@code staged} stages the 100 updates with one {@code createOperations} call and commits them
 * with {@code updateTransaction}; {@code inTransaction} makes the 100 calls inside one {@code useTransaction}.
 * Compare the ops/s: each op is 100 updates in every method.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TransactionBenchmark -p size=10000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TransactionBenchmark {
    private static final int BATCH = 100;
    /** Not one-decimal values, so never a document's loaded rating. */
    private static final double[] RATINGS = {1.25, 7.75};

    @Param({"10000", "100000"})
    public int size;
    @Param({"FILE"})
    public Storage storage;

    private Fixture fixture;
    private Databases db;
    private Dataset data;
    /** Per pass over the prepared ids: the batch's operations, prepared outside the timed call. */
    private final List<List<Map<String, ?>>> operations = new ArrayList<>();
    private int batch;

    @Setup(Level.Trial)
    public void open() {
        fixture = Fixture.open(StoreType.QUIRE, storage, size);
        db = ((QuireStore) fixture.store()).databases();
        data = fixture.data();
        Fixture.nonEmpty("get before update", fixture.store().get(data.id(0)));
        int batches = Dataset.KEYS / BATCH;
        for (int pass = 0; pass < 2; pass++) {
            for (int b = 0; b < batches; b++) {
                List<Map<String, ?>> batchOperations = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    batchOperations.add(Map.of("action", "update", "databaseId", QuireStore.DATABASE,
                            "collectionId", QuireStore.COLLECTION, "documentId", data.id(b * BATCH + i),
                            "data", Map.of("rating", RATINGS[pass])));
                }
                operations.add(batchOperations);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        fixture.close();
    }

    private List<Map<String, ?>> next() {
        return operations.get(batch++ % operations.size());
    }

    @Benchmark
    @SuppressWarnings("unchecked")
    public void single() {
        for (Map<String, ?> operation : next()) {
            db.updateDocument(QuireStore.DATABASE, QuireStore.COLLECTION, (String) operation.get("documentId"),
                    (Map<String, ?>) operation.get("data"), null);
        }
    }

    @Benchmark
    public Object staged() {
        String transaction = db.createTransaction(null).getId();
        db.createOperations(transaction, next());
        return db.updateTransaction(transaction, true, null);
    }

    @Benchmark
    @SuppressWarnings("unchecked")
    public void inTransaction() {
        List<Map<String, ?>> batchOperations = next();
        db.useTransaction(tx -> {
            for (Map<String, ?> operation : batchOperations) {
                tx.updateDocument(QuireStore.DATABASE, QuireStore.COLLECTION, (String) operation.get("documentId"),
                        (Map<String, ?>) operation.get("data"), null);
            }
        });
    }
}
