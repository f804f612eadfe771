package dev.quire.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every benchmark over a loaded collection shares: the store, size and storage parameters, and the
 * fixture they open. A subclass's trial setup calls {@link #openStore()} first, then checks its own read.
 */
@State(Scope.Benchmark)
public abstract class StoreBenchmark {
    @Param({"QUIRE", "JDBC"})
    public StoreType store;
    @Param({"10000", "100000"})
    public int size;
    @Param({"FILE"})
    public Storage storage;

    protected Fixture fixture;
    protected DocumentStore db;
    protected Dataset data;

    /** Opens a copy of the loaded collection for this trial. */
    protected final void openStore() {
        fixture = Fixture.open(store, storage, size);
        db = fixture.store();
        data = fixture.data();
    }

    /** A last check on what the trial left behind; nothing by default. */
    protected void verifyAfterTrial() {
    }

    @TearDown(Level.Trial)
    public final void close() {
        try {
            verifyAfterTrial();
        } finally {
            fixture.close();
        }
    }
}
