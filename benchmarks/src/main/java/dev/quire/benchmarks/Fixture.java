package dev.quire.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A store holding a dataset, opened for one trial and thrown away after it.
 *
 * <p>File stores are copied from a template built once per store and size under
 * {@code -Dquire.benchmarks.data} (default {@code <tmp>/quire-benchmarks}), so a trial never pays for
 * loading 100,000 documents and never sees another trial's writes. Templates are built on a tmpfs
 * ({@code /dev/shm}, or {@code -Dquire.benchmarks.build}) and then copied to disk. Delete the directory after changing
 * {@link Dataset} or a store's schema; {@link #VERSION} names the layout.
 */
public final class Fixture implements AutoCloseable {
    /** Bump when the dataset or a store's tables or indexes change, so stale templates are not reused. */
    static final String VERSION = "v5";

    private final DocumentStore store;
    private final Dataset data;
    private final Path directory;

    private Fixture(DocumentStore store, Dataset data, Path directory) {
        this.store = store;
        this.data = data;
        this.directory = directory;
    }

    /** Opens a store of this type holding the dataset of this size. */
    public static Fixture open(StoreType type, Storage storage, int size) {
        Dataset data = Dataset.of(size);
        if (storage == Storage.MEMORY) {
            DocumentStore store = type.open(null);
            build(store, data);
            return new Fixture(store, data, null);
        }
        Path template = template(type, data);
        Path work = root().resolve("work").resolve(type + "-" + size + "-" + UUID.randomUUID());
        copy(template, work);
        return new Fixture(type.open(work), data, work);
    }

    public DocumentStore store() {
        return store;
    }

    public Dataset data() {
        return data;
    }

    /** Fails the trial when a read came back empty: a benchmark that reads nothing measures nothing. */
    public static <T> T nonEmpty(String what, T result) {
        boolean empty = result == null
                || result instanceof Collection<?> c && c.isEmpty()
                || result instanceof DocumentStore.Counted counted && (counted.total() == 0 || counted.items().isEmpty());
        if (empty) {
            throw new IllegalStateException(what + " returned nothing: the dataset or the store is broken");
        }
        return result;
    }

    @Override
    public void close() {
        store.close();
        if (directory != null) {
            delete(directory);
        }
    }

    private static void build(DocumentStore store, Dataset data) {
        store.createCollection();
        store.load(data.movies());
        store.createIndexes();
    }

    private static Path root() {
        String configured = System.getProperty("quire.benchmarks.data");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "quire-benchmarks");
    }

    private static Path buildRoot() {
        String configured = System.getProperty("quire.benchmarks.build");
        if (configured != null) {
            return Path.of(configured);
        }
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm.resolve("quire-benchmarks")
                : root().resolve("building");
    }

    /** The template of this store and size, built on first use; a half-built one is never used. */
    private static synchronized Path template(StoreType type, Dataset data) {
        Path template = root().resolve("templates").resolve(type + "-" + data.size() + "-" + VERSION);
        if (Files.exists(template.resolve("ready"))) {
            return template;
        }
        delete(template);
        // Built where a commit costs no fsync (a tmpfs when there is one): Quire loads through its public
        // API, one durable commit per document, which on a disk is hours for 1,000,000 documents.
        Path building = buildRoot().resolve(template.getFileName() + ".building-" + UUID.randomUUID());
        DocumentStore store = type.open(building);
        try {
            build(store, data);
        } finally {
            store.compactAndClose();
        }
        Path copying = template.resolveSibling(template.getFileName() + ".copying-" + UUID.randomUUID());
        copy(building, copying);
        delete(building);
        try {
            Files.writeString(copying.resolve("ready"), data.size() + " documents\n");
            Files.move(copying, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return template;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
