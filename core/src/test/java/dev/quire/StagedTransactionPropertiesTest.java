package dev.quire;

import dev.quire.query.Query;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Random sequences of staged creates, updates, upserts and deletes on four ids, reads with the transaction id,
 * commits and rollbacks, against a model: a map of the committed documents and the list of staged operations.
 */
class StagedTransactionPropertiesTest {
    private static final String DB = "app";
    private static final int IDS = 4;

    private record Op(String action, String id, long n) {
    }

    @Test
    void stagedOperationsCommitsAndRollbacksAgreeWithAModel() {
        AtomicInteger collections = new AtomicInteger();
        try (Databases db = Databases.inMemory()) {
            db.create(DB, "App");
            qt().withExamples(40).withShrinkCycles(20)
                    .forAll(lists().of(integers().between(0, 99_999)).ofSizeBetween(1, 30))
                    .checkAssert(steps -> run(db, "c" + collections.incrementAndGet(), steps));
        }
    }

    private static void run(Databases db, String collection, List<Integer> steps) {
        db.createCollection(DB, collection, collection);
        db.createIntegerAttribute(DB, collection, "n", false, null, null, null, false);
        Map<String, Long> committed = new TreeMap<>();
        List<Op> staged = new ArrayList<>();
        String tx = null;
        for (int step : steps) {
            int kind = step % 7;
            String id = "d" + (step / 7) % IDS;
            long n = step / 28;
            if (kind <= 3 && tx == null) {
                tx = db.createTransaction(null).getId();
            }
            switch (kind) {
                case 0, 1, 2, 3 -> {
                    Op op = new Op(List.of("create", "update", "upsert", "delete").get(kind), id, n);
                    boolean present = view(committed, staged).containsKey(id);
                    boolean refused = (op.action().equals("update") || op.action().equals("delete")) && !present;
                    String transaction = tx;
                    if (refused) {
                        QuireException e = assertThrows(QuireException.class, () -> stage(db, collection, op,
                                transaction));
                        assertEquals("document_not_found", e.getType(), op + " " + e.getMessage());
                    } else {
                        stage(db, collection, op, transaction);
                        staged.add(op);
                    }
                }
                case 4 -> {
                    if (tx == null) {
                        continue;
                    }
                    String failure = failureOf(committed, staged);
                    String transaction = tx;
                    if (failure == null) {
                        assertEquals("committed", db.updateTransaction(tx, true, null).getStatus());
                        committed = view(committed, staged);
                    } else {
                        QuireException e = assertThrows(QuireException.class,
                                () -> db.updateTransaction(transaction, true, null));
                        assertEquals(failure, e.getType(), e.getMessage());
                        assertEquals("failed", db.getTransaction(tx).getStatus());
                    }
                    tx = null;
                    staged.clear();
                }
                case 5 -> {
                    if (tx == null) {
                        continue;
                    }
                    assertEquals("failed", db.updateTransaction(tx, null, true).getStatus());
                    tx = null;
                    staged.clear();
                }
                default -> {
                    if (tx != null) {
                        Map<String, Long> expected = view(committed, staged);
                        assertEquals(expected, read(db.listDocuments(DB, collection, List.of(), tx)), "staged view");
                        assertEquals(expected.values().stream().filter(v -> v > 1000).count(), db.listDocuments(DB,
                                collection, List.of(Query.greaterThan("n", 1000), Query.limit(1)), tx).getTotal());
                    }
                }
            }
            assertEquals(committed, read(db.listDocuments(DB, collection, List.of())), "committed state");
        }
    }

    private static void stage(Databases db, String collection, Op op, String tx) {
        switch (op.action()) {
            case "create" -> db.createDocument(DB, collection, op.id(), Map.of("n", op.n()), null, tx);
            case "update" -> db.updateDocument(DB, collection, op.id(), Map.of("n", op.n()), null, tx);
            case "upsert" -> db.upsertDocument(DB, collection, op.id(), Map.of("n", op.n()), null, tx);
            default -> db.deleteDocument(DB, collection, op.id(), tx);
        }
    }

    /** What reads with the transaction id show: each operation applied in order, those that fail left out. */
    private static Map<String, Long> view(Map<String, Long> committed, List<Op> staged) {
        Map<String, Long> state = new TreeMap<>(committed);
        for (Op op : staged) {
            apply(state, op);
        }
        return state;
    }

    /** Applies an operation; returns the error type it fails with, or {@code null}. */
    private static String apply(Map<String, Long> state, Op op) {
        boolean present = state.containsKey(op.id());
        switch (op.action()) {
            case "create" -> {
                if (present) {
                    return "transaction_conflict";
                }
                state.put(op.id(), op.n());
            }
            case "update", "delete" -> {
                if (!present) {
                    return "document_not_found";
                }
                if (op.action().equals("update")) {
                    state.put(op.id(), op.n());
                } else {
                    state.remove(op.id());
                }
            }
            default -> state.put(op.id(), op.n());
        }
        return null;
    }

    /** The error a commit fails with: the first operation's that fails, or {@code null}. */
    private static String failureOf(Map<String, Long> committed, List<Op> staged) {
        Map<String, Long> state = new TreeMap<>(committed);
        for (Op op : staged) {
            String failure = apply(state, op);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private static Map<String, Long> read(DocumentList list) {
        Map<String, Long> state = new TreeMap<>();
        for (Document document : list.getDocuments()) {
            state.put(document.getId(), (Long) document.get("n"));
        }
        return state;
    }
}
