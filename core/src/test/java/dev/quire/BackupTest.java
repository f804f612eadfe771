package dev.quire;

import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import dev.quire.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static dev.quire.QuireAssertions.assertError;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Databases#backup(Path)}: a consistent, openable copy of a file store, made while it is in use. */
class BackupTest {
    private static final int WRITERS = 4;

    @TempDir
    Path directory;

    @Test
    void theCopyOpensWithEverythingTheStoreHeld() {
        Path copy = directory.resolve("copy");
        Document written;
        try (Databases db = Databases.open(directory.resolve("store"))) {
            db.create("app", "App");
            db.createCollection("app", "movies", "Movies", List.of(Permission.read(Role.any())), true, true);
            db.createStringAttribute("app", "movies", "title", 50, true, null, false);
            db.createIntegerAttribute("app", "movies", "year", false, null, null, null, false);
            db.createIndex("app", "movies", "by_year", IndexType.KEY, List.of("year"), null, null);
            written = db.createDocument("app", "movies", "up", Map.of("title", "Up", "year", 2009),
                    List.of(Permission.read(Role.user("u1"))));

            db.backup(copy);
        }

        assertTrue(Files.isRegularFile(directory.resolve("copy.mv.db")));
        try (Databases restored = Databases.open(copy)) {
            assertEquals(written, restored.getDocument("app", "movies", "up"));
            assertEquals(List.of("by_year"), restored.getCollection("app", "movies").getIndexes().stream()
                    .map(Index::getKey).toList());
            assertEquals(1, restored.as(Caller.user("u1"))
                    .listDocuments("app", "movies", List.of(Query.equal("year", 2009))).getTotal());
        }
    }

    @Test
    void theStoreKeepsWorkingAfterABackup() {
        Path path = directory.resolve("store");
        try (Databases db = Databases.open(path)) {
            db.create("app", "App");
            db.backup(directory.resolve("copy"));
            db.create("later", "Later");
        }

        try (Databases db = Databases.open(path)) {
            assertEquals("Later", db.get("later").getName());
        }
        try (Databases copy = Databases.open(directory.resolve("copy"))) {
            assertError("database_not_found", 404, () -> copy.get("later"));
        }
    }

    @Test
    void theCopyHoldsOnlyLiveData() throws Exception {
        Path path = directory.resolve("store");
        try (Databases db = Databases.open(path)) {
            collection(db);
            db.createDocument("app", "notes", "n", Map.of("n", 0L), null);
            for (long n = 1; n <= 300; n++) {
                db.updateDocument("app", "notes", "n", Map.of("n", n), null);
            }
            db.backup(directory.resolve("copy"));

            long store = Files.size(directory.resolve("store.mv.db"));
            long copy = Files.size(directory.resolve("copy.mv.db"));
            assertTrue(copy * 4 < store, "copy " + copy + " bytes, store " + store);
        }
    }

    /**
     * Writers create documents and update a counter of their own as fast as they can while three backups are
     * taken one after the other and two at once. Each copy must hold every write acknowledged before its backup
     * began, and nothing that no writer wrote.
     */
    @Test
    void eachCopyHoldsEveryWriteAcknowledgedBeforeItsBackupBegan() {
        assertTimeoutPreemptively(ofSeconds(120), () -> {
            try (Databases db = Databases.open(directory.resolve("store"))) {
                collection(db);
                for (int w = 0; w < WRITERS; w++) {
                    db.createDocument("app", "notes", "counter-" + w, Map.of("n", 0L), null);
                }
                Map<String, Long> acknowledged = new ConcurrentHashMap<>();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
                try {
                    List<Future<?>> writers = new ArrayList<>();
                    for (int w = 0; w < WRITERS; w++) {
                        int writer = w;
                        writers.add(pool.submit(() -> write(db, writer, acknowledged, stop)));
                    }
                    List<Map<String, Long>> before = new ArrayList<>();
                    for (int b = 0; b < 3; b++) {
                        waitForMoreWrites(acknowledged, 20);
                        before.add(Map.copyOf(acknowledged));
                        db.backup(directory.resolve("copy-" + b));
                    }
                    waitForMoreWrites(acknowledged, 20);
                    Map<String, Long> beforeBoth = Map.copyOf(acknowledged);
                    Future<?> third = pool.submit(() -> db.backup(directory.resolve("copy-3")));
                    Future<?> fourth = pool.submit(() -> db.backup(directory.resolve("copy-4")));
                    third.get();
                    fourth.get();
                    before.add(beforeBoth);
                    before.add(beforeBoth);
                    stop.set(true);
                    for (Future<?> writer : writers) {
                        writer.get();
                    }
                    Map<String, Long> all = Map.copyOf(acknowledged);
                    for (int b = 0; b < before.size(); b++) {
                        assertCopyHolds(directory.resolve("copy-" + b), before.get(b), all);
                    }
                } finally {
                    stop.set(true);
                    pool.shutdownNow();
                }
            }
        });
    }

    /**
     * Creates {@code w-<i>} documents holding {@code i}, and sets {@code counter-<w>} to the count so far; records
     * each write once it returned (the counter's value under its id).
     */
    private static Void write(Databases db, int writer, Map<String, Long> acknowledged, AtomicBoolean stop) {
        for (long i = 1; !stop.get(); i++) {
            String id = writer + "-" + i;
            db.createDocument("app", "notes", id, Map.of("n", i), null);
            acknowledged.put(id, i);
            db.updateDocument("app", "notes", "counter-" + writer, Map.of("n", i), null);
            acknowledged.put("counter-" + writer, i);
        }
        return null;
    }

    private static void waitForMoreWrites(Map<String, Long> acknowledged, int more) throws InterruptedException {
        int target = acknowledged.size() + more;
        while (acknowledged.size() < target) {
            Thread.sleep(1);
        }
    }

    private static void assertCopyHolds(Path copy, Map<String, Long> before, Map<String, Long> all) {
        try (Databases restored = Databases.open(copy)) {
            Map<String, Long> found = new HashMap<>();
            String cursor = null;
            while (true) {
                List<String> queries = new ArrayList<>(List.of(Query.limit(500)));
                if (cursor != null) {
                    queries.add(Query.cursorAfter(cursor));
                }
                List<Document> page = restored.listDocuments("app", "notes", queries).getDocuments();
                for (Document document : page) {
                    found.put(document.getId(), ((Number) document.getData().get("n")).longValue());
                }
                if (page.size() < 500) {
                    break;
                }
                cursor = page.get(page.size() - 1).getId();
            }
            before.forEach((id, n) -> {
                Long stored = found.get(id);
                assertTrue(stored != null && stored >= n, copy + ": " + id + " holds " + stored + ", acknowledged " + n);
            });
            found.forEach((id, n) -> {
                Long last = all.get(id);
                assertTrue(last != null && n <= last || id.startsWith("counter-") && n == 0,
                        copy + ": " + id + " holds " + n + ", which no writer wrote");
            });
        }
    }

    @Test
    void anExistingTargetIsRefusedAndLeftAsItWas() throws Exception {
        Path target = directory.resolve("copy.mv.db");
        Files.write(target, new byte[] {1, 2, 3});
        try (Databases db = Databases.open(directory.resolve("store"))) {
            assertError("storage_file_already_exists", 409, () -> db.backup(directory.resolve("copy")));
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    }

    @Test
    void theStoresOwnFileIsRefusedAsATarget() {
        Path path = directory.resolve("store");
        try (Databases db = Databases.open(path)) {
            db.create("app", "App");
            assertError("storage_file_already_exists", 409, () -> db.backup(path));
            assertEquals("App", db.get("app").getName());
        }
    }

    @Test
    void aTargetBelowARegularFileFailsAndLeavesNoWorkingFiles() throws Exception {
        Files.writeString(directory.resolve("regular.txt"), "text");
        try (Databases db = Databases.open(directory.resolve("store"))) {
            assertError("storage_device_not_found", 404, () -> db.backup(directory.resolve("regular.txt/copy")));
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of("regular.txt", "store.mv.db"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aCallerViewMayNotBackUp() {
        try (Databases db = Databases.open(directory.resolve("store"))) {
            assertError("general_unauthorized_scope", 401,
                    () -> db.as(Caller.user("u1")).backup(directory.resolve("copy")));
        }
        assertTrue(Files.notExists(directory.resolve("copy.mv.db")));
    }

    @Test
    void anInMemoryStoreHasNoFileToBackUp() {
        try (Databases db = Databases.inMemory()) {
            assertError("general_argument_invalid", 400, () -> db.backup(directory.resolve("copy")));
        }
    }

    @Test
    void aClosedHandleCannotBackUp() {
        Databases db = Databases.open(directory.resolve("store"));
        db.close();
        assertError("store_closed", 503, () -> db.backup(directory.resolve("copy")));
    }

    private static void collection(Databases db) {
        db.create("app", "App");
        db.createCollection("app", "notes", "Notes");
        db.createIntegerAttribute("app", "notes", "n", true, null, null, null, false);
    }
}
