package dev.quire.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * The stores compared, chosen by {@code @Param}. Nitrite's MVStore cannot share a classpath with H2 2.5, so
 * its implementation lives in {@code benchmarks-nitrite.jar}; implementations are looked up by name so the
 * benchmark bodies are the same classes in both jars.
 */
public enum StoreType {
    /** Quire's {@code Databases} facade on a file (or in-memory) H2. */
    QUIRE("dev.quire.benchmarks.QuireStore"),
    /** Hand-written JDBC on the same H2, the same tables and indexes: the floor. */
    JDBC("dev.quire.benchmarks.JdbcStore"),
    /** The floor with H2's default write delay instead of Quire's {@code WRITE_DELAY=0}: the cost of durability. */
    JDBC_DELAYED("dev.quire.benchmarks.JdbcStore$Delayed"),
    /** Nitrite 4.3 on its MVStore adapter: the peer. Only in benchmarks-nitrite.jar. */
    NITRITE("dev.quire.benchmarks.nitrite.NitriteStore");

    private final String implementation;

    StoreType(String implementation) {
        this.implementation = implementation;
    }

    /**
     * Opens a store.
     *
     * @param directory where its files live (created if missing), or {@code null} for an in-memory store
     */
    public DocumentStore open(Path directory) {
        Class<? extends DocumentStore> type;
        try {
            type = Class.forName(implementation).asSubclass(DocumentStore.class);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(this + " is not in this jar: "
                    + (this == NITRITE ? "run benchmarks-nitrite.jar for it" : "run benchmarks.jar for it"), e);
        }
        try {
            return type.getConstructor(Path.class).newInstance(directory);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
