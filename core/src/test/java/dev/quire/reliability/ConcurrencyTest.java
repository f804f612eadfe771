package dev.quire.reliability;

import dev.quire.Attribute;
import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.QuireException;
import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import dev.quire.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads sharing one store: a bounded mix of creates, updates, upserts, deletes and lists on one collection
 * loses nothing, duplicates nothing and fails only with the errors the race explains. Every test has a bound
 * (a deadlock fails it instead of hanging the build); none measures speed.
 */
class ConcurrencyTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final String DB = "conc";
    private static final String COLL = "docs";
    private static final int THREADS = 8;
    private static final int OPS = Integer.getInteger("quire.concurrency.ops", 250);
    private static final int SHARED_IDS = 8;
    private static final int UPSERT_IDS = 4;
    private static final int OWN_IDS = 6;
    private static final Set<String> RACE_ERRORS = Set.of("document_not_found", "document_already_exists");

    @TempDir
    Path temp;

    /** Anyone reads, users create; each document's own permissions decide the rest. */
    private static void createSchema(Databases db) {
        createSchema(db, List.of(Permission.read(Role.any()), Permission.create(Role.users())));
    }

    private static void createSchema(Databases db, List<String> permissions) {
        db.create(DB, "Concurrency");
        db.createCollection(DB, COLL, "Docs", permissions, true, true);
        db.createStringAttribute(DB, COLL, "title", 100, false, null, false);
        db.createIntegerAttribute(DB, COLL, "n", false, null, null, null, false);
    }

    /** A written document, as the writer gave it. */
    record Written(String title, long n, Set<String> permissions) {
        static Written of(Document d) {
            return new Written((String) d.get("title"), (Long) d.get("n"), new HashSet<>(d.getPermissions()));
        }
    }

    /** Runs the tasks at once on their own threads and returns their results; any exception fails the test. */
    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Document> all(Databases db) {
        DocumentList list = db.listDocuments(DB, COLL, List.of(Query.limit(5_000)));
        Map<String, Document> byId = new HashMap<>();
        for (Document d : list.getDocuments()) {
            assertTrue(byId.put(d.getId(), d) == null, "listed twice: " + d.getId());
        }
        assertEquals(list.getTotal(), byId.size(), "total and listed documents disagree");
        return byId;
    }

    @Test
    void oneHandleSharedByThreadsLosesAndDuplicatesNothing() {
        assertTimeoutPreemptively(BOUND, () -> {
            Path store = temp.resolve("shared");
            AtomicIntegerArray creates = new AtomicIntegerArray(SHARED_IDS);
            AtomicIntegerArray deletes = new AtomicIntegerArray(SHARED_IDS);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            List<Map<String, Written>> ownModels;
            try (Databases db = Databases.open(store)) {
                createSchema(db);
                List<Callable<Map<String, Written>>> tasks = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    tasks.add(() -> {
                        Random random = new Random(thread);
                        Map<String, Written> own = new HashMap<>();
                        for (int i = 0; i < OPS; i++) {
                            String title = "t" + thread + "-" + i;
                            List<String> permissions = random.nextBoolean() ? List.of(Permission.read(Role.any()))
                                    : List.of(Permission.read(Role.user("u" + thread)), Permission.update(Role.users()));
                            Map<String, Object> data = Map.of("title", title, "n", (long) i);
                            int kind = random.nextInt(10);
                            try {
                                if (kind < 5) {
                                    int k = random.nextInt(SHARED_IDS);
                                    String id = "s" + k;
                                    switch (random.nextInt(4)) {
                                        case 0 -> {
                                            db.createDocument(DB, COLL, id, data, permissions);
                                            creates.incrementAndGet(k);
                                            acknowledged.add(id + "|" + title);
                                        }
                                        case 1 -> {
                                            db.updateDocument(DB, COLL, id, data, permissions);
                                            acknowledged.add(id + "|" + title);
                                        }
                                        case 2 -> {
                                            db.deleteDocument(DB, COLL, id);
                                            deletes.incrementAndGet(k);
                                        }
                                        default -> db.getDocument(DB, COLL, id);
                                    }
                                } else if (kind < 7) {
                                    String id = "u" + random.nextInt(UPSERT_IDS);
                                    if (random.nextInt(4) == 0) {
                                        db.deleteDocument(DB, COLL, id);
                                    } else {
                                        db.upsertDocument(DB, COLL, id, data, permissions);
                                        acknowledged.add(id + "|" + title);
                                    }
                                } else if (kind < 9) {
                                    String id = "own" + thread + "-" + random.nextInt(OWN_IDS);
                                    Written written = new Written(title, i, new HashSet<>(permissions));
                                    if (!own.containsKey(id)) {
                                        db.createDocument(DB, COLL, id, data, permissions);
                                        own.put(id, written);
                                    } else if (random.nextInt(3) == 0) {
                                        db.deleteDocument(DB, COLL, id);
                                        own.remove(id);
                                    } else {
                                        db.updateDocument(DB, COLL, id, data, permissions);
                                        own.put(id, written);
                                    }
                                } else {
                                    DocumentList page = db.listDocuments(DB, COLL,
                                            List.of(Query.orderDesc("n"), Query.limit(50)));
                                    Set<String> ids = new HashSet<>();
                                    page.getDocuments().forEach(d -> {
                                        if (!ids.add(d.getId())) {
                                            unexpected.add("a page listed " + d.getId() + " twice");
                                        }
                                    });
                                    if (page.getTotal() < page.getDocuments().size()) {
                                        unexpected.add("total " + page.getTotal() + " below the page size");
                                    }
                                }
                            } catch (QuireException e) {
                                if (!RACE_ERRORS.contains(e.getType())) {
                                    unexpected.add(e.getType() + ": " + e.getMessage());
                                }
                            }
                        }
                        return own;
                    });
                }
                ownModels = race(tasks);
                assertTrue(unexpected.isEmpty(), "unexpected errors: " + unexpected);

                Map<String, Document> stored = all(db);
                for (int k = 0; k < SHARED_IDS; k++) {
                    int net = creates.get(k) - deletes.get(k);
                    assertTrue(net == 0 || net == 1, "s" + k + ": " + creates.get(k) + " creates, " + deletes.get(k)
                            + " deletes");
                    assertEquals(net == 1, stored.containsKey("s" + k), "s" + k + " created " + creates.get(k)
                            + " and deleted " + deletes.get(k) + " times");
                }
                Map<String, Written> expectedOwn = new HashMap<>();
                ownModels.forEach(expectedOwn::putAll);
                for (Document d : stored.values()) {
                    if (d.getId().startsWith("own")) {
                        assertEquals(expectedOwn.get(d.getId()), Written.of(d), d.getId());
                    } else {
                        assertTrue(acknowledged.contains(d.getId() + "|" + d.get("title")),
                                d.getId() + " holds " + d.get("title") + ", which no acknowledged write gave it");
                    }
                    assertEquals(Written.of(d), Written.of(db.getDocument(DB, COLL, d.getId())));
                }
                for (String id : expectedOwn.keySet()) {
                    assertTrue(stored.containsKey(id), "lost " + id);
                }
                assertEquals(stored.size(), db.listDocuments(DB, COLL, List.of()).getTotal());
            }
            StoreInspector.Report report = StoreInspector.inspect(store, DB, COLL);
            assertEquals(List.of(), report.problems());
        });
    }

    @Test
    void schemaChangesWhileOthersWriteLoseNoWriteAndLeaveOneConsistentSchema() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (Databases db = Databases.inMemory()) {
                createSchema(db);
                int writers = 4;
                int docs = 60;
                List<Callable<List<String>>> tasks = new ArrayList<>();
                for (int t = 0; t < writers; t++) {
                    int thread = t;
                    tasks.add(() -> {
                        List<String> errors = new ArrayList<>();
                        for (int i = 0; i < docs; i++) {
                            String id = "w" + thread + "-" + i;
                            try {
                                db.createDocument(DB, COLL, id, Map.of("title", "v1 " + id), null);
                                db.updateDocument(DB, COLL, id, Map.of("title", "v2 " + id, "n", (long) i), null);
                                db.listDocuments(DB, COLL, List.of(Query.equal("title", "v2 " + id)));
                            } catch (QuireException e) {
                                errors.add(id + " " + e.getType() + ": " + e.getMessage());
                            }
                        }
                        return errors;
                    });
                }
                tasks.add(() -> {
                    List<String> errors = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        try {
                            db.createIntegerAttribute(DB, COLL, "extra" + i, false, 0L, 100L, 7L, false);
                            db.createStringAttribute(DB, COLL, "label" + i, 20, false, "x", false);
                            if (i > 0) {
                                db.deleteAttribute(DB, COLL, "extra" + (i - 1));
                                db.deleteAttribute(DB, COLL, "label" + (i - 1));
                            }
                        } catch (QuireException e) {
                            errors.add("schema " + i + " " + e.getType() + ": " + e.getMessage());
                        }
                    }
                    return errors;
                });
                List<String> errors = new ArrayList<>();
                race(tasks).forEach(errors::addAll);
                assertEquals(List.of(), errors);

                assertEquals(Set.of("title", "n", "extra7", "label7"), new HashSet<>(db.listAttributes(DB, COLL,
                        List.of()).getAttributes().stream().map(Attribute::getKey).toList()));
                Map<String, Document> stored = all(db);
                assertEquals(writers * docs, stored.size());
                for (Document d : stored.values()) {
                    assertEquals("v2 " + d.getId(), d.get("title"));
                    assertEquals(Set.of("title", "n", "extra7", "label7"), d.getData().keySet(), d.getId());
                }
                Document fresh = db.createDocument(DB, COLL, "fresh", Map.of("extra7", 5L, "label7", "y"), null);
                assertEquals(5L, fresh.get("extra7"));
            }
        });
    }

    @Test
    void twoOpensOfOneFileAndCallerViewsShareOneStore() {
        assertTimeoutPreemptively(BOUND, () -> {
            Path store = temp.resolve("two");
            Databases first = Databases.open(store);
            Databases second = Databases.open(store);
            createSchema(first, List.of(Permission.create(Role.users())));
            Databases alice = second.as(Caller.user("alice"));
            Databases bob = first.as(Caller.user("bob"));
            int each = 40;
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (Map.Entry<String, Databases> handle : Map.of("first", first, "second", second, "alice", alice,
                    "bob", bob).entrySet()) {
                tasks.add(() -> {
                    for (int i = 0; i < each; i++) {
                        String id = handle.getKey() + "-" + i;
                        handle.getValue().createDocument(DB, COLL, id, Map.of("title", id, "n", (long) i), null);
                        handle.getValue().updateDocument(DB, COLL, id, Map.of("n", (long) i + 1), null);
                        handle.getValue().listDocuments(DB, COLL, List.of(Query.limit(10)));
                    }
                    return each;
                });
            }
            race(tasks);
            assertEquals(4 * each, all(first).size());
            assertEquals(all(first).keySet(), all(second).keySet());
            // Users see their own documents (default permissions) and nothing of the root handles'.
            Set<String> aliceSees = new HashSet<>();
            alice.listDocuments(DB, COLL, List.of(Query.limit(5_000))).getDocuments().forEach(d -> aliceSees.add(d.getId()));
            assertEquals(each, aliceSees.size());
            assertTrue(aliceSees.stream().allMatch(id -> id.startsWith("alice-")), aliceSees.toString());
            first.close();
            assertEquals(4 * each, all(second).size(), "the second handle outlives the first");
            second.createDocument(DB, COLL, "after", Map.of("title", "after"), null);
            second.close();
            StoreInspector.Report report = StoreInspector.inspect(store, DB, COLL);
            assertEquals(List.of(), report.problems());
            assertEquals(4 * each + 1, report.documentIds().size());
        });
    }

    @Test
    void callerViewsOfOneInMemoryStoreSeeOneStore() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (Databases root = Databases.inMemory()) {
                createSchema(root, List.of(Permission.create(Role.users())));
                int users = 4;
                int each = 60;
                List<Callable<Set<String>>> tasks = new ArrayList<>();
                for (int u = 0; u < users; u++) {
                    Databases view = root.as(Caller.user("user" + u));
                    String prefix = "user" + u + "-";
                    tasks.add(() -> {
                        for (int i = 0; i < each; i++) {
                            view.createDocument(DB, COLL, prefix + i, Map.of("title", prefix + i), null);
                            if (i % 3 == 0) {
                                view.deleteDocument(DB, COLL, prefix + i);
                            }
                        }
                        Set<String> seen = new HashSet<>();
                        view.listDocuments(DB, COLL, List.of(Query.limit(5_000))).getDocuments()
                                .forEach(d -> seen.add(d.getId()));
                        return seen;
                    });
                }
                List<Set<String>> seen = race(tasks);
                int kept = each - (each + 2) / 3;
                for (int u = 0; u < users; u++) {
                    assertEquals(kept, seen.get(u).size(), "user" + u + " sees " + seen.get(u));
                }
                assertEquals(users * kept, all(root).size());
            }
        });
    }
}
