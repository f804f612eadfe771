package dev.quire;

import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code inTransaction} and {@code useTransaction}: one real transaction over many calls. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class TransactionsTest {
    private static final String DB = "bank";
    private static final String ACCOUNTS = "accounts";

    private final StoreKind kind;
    @TempDir
    Path directory;
    private Databases db;

    TransactionsTest(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void createAccounts() {
        db = kind.open(directory);
        db.create(DB, "Bank");
        db.createCollection(DB, ACCOUNTS, "Accounts", List.of(Permission.read(Role.users()),
                Permission.create(Role.users())), true, true);
        db.createStringAttribute(DB, ACCOUNTS, "owner", 32, true, null, false);
        db.createIntegerAttribute(DB, ACCOUNTS, "balance", true, null, null, null, false);
        db.createDocument(DB, ACCOUNTS, "alice", Map.of("owner", "alice", "balance", 100));
        db.createDocument(DB, ACCOUNTS, "bob", Map.of("owner", "bob", "balance", 50));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long balance(Databases handle, String id) {
        return (Long) handle.getDocument(DB, ACCOUNTS, id).get("balance");
    }

    private void transfer(Databases tx, String from, String to, long amount) {
        tx.updateDocument(DB, ACCOUNTS, from, Map.of("balance", balance(tx, from) - amount), null);
        tx.updateDocument(DB, ACCOUNTS, to, Map.of("balance", balance(tx, to) + amount), null);
    }

    @Test
    void whatTheWorkWritesCommitsWhenItReturns() {
        String result = db.inTransaction(tx -> {
            transfer(tx, "alice", "bob", 30);
            return "done";
        });

        assertEquals("done", result);
        assertEquals(70, balance(db, "alice"));
        assertEquals(80, balance(db, "bob"));
    }

    @Test
    void anExceptionRollsEverythingBackAndIsRethrown() {
        IllegalStateException thrown = new IllegalStateException("insufficient funds");

        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> db.useTransaction(tx -> {
            transfer(tx, "alice", "bob", 30);
            tx.createDocument(DB, ACCOUNTS, "carol", Map.of("owner", "carol", "balance", 0));
            tx.deleteDocument(DB, ACCOUNTS, "bob");
            throw thrown;
        }));

        assertSame(thrown, caught);
        assertEquals(100, balance(db, "alice"));
        assertEquals(50, balance(db, "bob"));
        assertEquals(2, db.listDocuments(DB, ACCOUNTS, List.of()).getTotal());
    }

    @Test
    void aQuireExceptionInsideRollsBackToo() {
        assertError("document_not_found", 404, () -> db.useTransaction(tx -> {
            transfer(tx, "alice", "bob", 30);
            tx.updateDocument(DB, ACCOUNTS, "nobody", Map.of("balance", 1), null);
        }));

        assertEquals(100, balance(db, "alice"));
        assertEquals(50, balance(db, "bob"));
    }

    @Test
    void readsInsideSeeTheTransactionsOwnWrites() {
        db.useTransaction(tx -> {
            tx.createDocument(DB, ACCOUNTS, "carol", Map.of("owner", "carol", "balance", 75));
            tx.updateDocument(DB, ACCOUNTS, "alice", Map.of("balance", 10), null);
            tx.deleteDocument(DB, ACCOUNTS, "bob");

            assertEquals(75, balance(tx, "carol"));
            assertEquals(10, balance(tx, "alice"));
            assertError("document_not_found", 404, () -> tx.getDocument(DB, ACCOUNTS, "bob"));
            DocumentList rich = tx.listDocuments(DB, ACCOUNTS, List.of(Query.greaterThan("balance", 20),
                    Query.orderDesc("balance"), Query.limit(1)));
            assertEquals(1, rich.getTotal());
            assertEquals(List.of("carol"), rich.getDocuments().stream().map(Document::getId).toList());
            assertEquals(2, tx.listDocuments(DB, ACCOUNTS, List.of()).getTotal());
            assertEquals(List.of("alice", "carol"), tx.listDocuments(DB, ACCOUNTS, List.of(Query.orderAsc("balance")),
                    false).getDocuments().stream().map(Document::getId).toList());

            // Outside, nothing has happened yet: another thread reads the committed state.
            assertEquals(List.of(100L, 50L), readElsewhere(() -> List.of(balance(db, "alice"), balance(db, "bob"))));
        });

        assertEquals(10, balance(db, "alice"));
        assertError("document_not_found", 404, () -> db.getDocument(DB, ACCOUNTS, "bob"));
    }

    private static <T> T readElsewhere(java.util.concurrent.Callable<T> read) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aCallOnTheOuterHandleInsideTheCallbackFailsInsteadOfWaiting() {
        Databases guestView = db.as(Caller.guest());

        db.useTransaction(tx -> {
            tx.updateDocument(DB, ACCOUNTS, "alice", Map.of("balance", 1), null);

            assertError("transaction_invalid", 400, () -> db.updateDocument(DB, ACCOUNTS, "alice",
                    Map.of("balance", 2), null));
            assertError("transaction_invalid", 400, () -> db.getDocument(DB, ACCOUNTS, "alice"));
            assertError("transaction_invalid", 400, () -> guestView.listDocuments(DB, ACCOUNTS, List.of()));
            assertError("transaction_invalid", 400, () -> db.useTransaction(inner -> { }));
        });

        assertEquals(1, balance(db, "alice"));
    }

    @Test
    void theTransactionsHandleFailsOnceTheTransactionHasEnded() {
        Databases[] escaped = new Databases[1];
        db.useTransaction(tx -> escaped[0] = tx);

        assertError("transaction_invalid", 400, () -> escaped[0].getDocument(DB, ACCOUNTS, "alice"));
    }

    @Test
    void inTransactionOnTheTransactionsHandleJoinsIt() {
        assertThrows(IllegalStateException.class, () -> db.useTransaction(tx -> {
            tx.useTransaction(inner -> inner.updateDocument(DB, ACCOUNTS, "alice", Map.of("balance", 0), null));
            assertEquals(0, balance(tx, "alice"));
            throw new IllegalStateException("roll back the outer one");
        }));

        assertEquals(100, balance(db, "alice"));
    }

    @Test
    void schemaChangesAreRefusedInsideATransaction() {
        db.useTransaction(tx -> {
            assertError("transaction_invalid", 400, () -> tx.createStringAttribute(DB, ACCOUNTS, "note", 10, false,
                    null, false));
            assertError("transaction_invalid", 400, () -> tx.createCollection(DB, "other", "Other"));
            assertError("transaction_invalid", 400, () -> tx.delete(DB));
            assertEquals(2, tx.getCollection(DB, ACCOUNTS).getAttributes().size());
        });
    }

    @Test
    void aCallersTransactionHasTheCallersPermissions() {
        Databases alice = db.as(Caller.user("alice"));

        assertError("user_unauthorized", 401, () -> alice.useTransaction(tx -> {
            tx.createDocument(DB, ACCOUNTS, "mine", Map.of("owner", "alice", "balance", 5));
            tx.updateDocument(DB, ACCOUNTS, "bob", Map.of("balance", 0), null);
        }));
        assertError("document_not_found", 404, () -> db.getDocument(DB, ACCOUNTS, "mine"));

        alice.useTransaction(tx -> {
            Document mine = tx.createDocument(DB, ACCOUNTS, "mine", Map.of("owner", "alice", "balance", 5));
            tx.updateDocument(DB, ACCOUNTS, "mine", Map.of("balance", 6), null);
            assertTrue(mine.getPermissions().contains(Permission.update(Role.user("alice"))));
        });
        assertEquals(6, balance(db, "mine"));
    }

    @Test
    void theSecondOfTwoTransactionsWritingOneDocumentFailsWithAConflict() throws Exception {
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch secondRead = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> db.useTransaction(tx -> {
                tx.updateDocument(DB, ACCOUNTS, "alice", Map.of("balance", 1), null);
                firstWrote.countDown();
                await(secondRead);
            }));
            Future<?> second = threads.submit(() -> db.useTransaction(tx -> {
                await(firstWrote);
                long seen = balance(tx, "alice");
                secondRead.countDown();
                // Waits for the first transaction's row lock, then finds the row changed since its snapshot.
                tx.updateDocument(DB, ACCOUNTS, "alice", Map.of("balance", seen + 1), null);
            }));

            first.get(30, TimeUnit.SECONDS);
            java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> second.get(30, TimeUnit.SECONDS));
            QuireException conflict = (QuireException) failure.getCause();
            assertEquals("transaction_conflict", conflict.getType());
            assertEquals(409, conflict.getCode());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, balance(db, "alice"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void transfersUnderEightThreadsKeepTheSum() throws Exception {
        int accounts = 6;
        db.useTransaction(tx -> {
            for (int i = 0; i < accounts; i++) {
                tx.createDocument(DB, ACCOUNTS, "a" + i, Map.of("owner", "a" + i, "balance", 1000));
            }
        });
        long before = sum();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 40; i++) {
                        int from = random.nextInt(accounts);
                        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                        long amount = random.nextInt(1, 50);
                        while (true) {
                            try {
                                db.useTransaction(tx -> transfer(tx, "a" + from, "a" + to, amount));
                                committed.incrementAndGet();
                                break;
                            } catch (QuireException e) {
                                if (!"transaction_conflict".equals(e.getType())) {
                                    throw e;
                                }
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(320, committed.get());
        assertEquals(before, sum(), "conflicts retried: " + conflicts.get());
    }

    private long sum() {
        return db.listDocuments(DB, ACCOUNTS, List.of(Query.limit(100))).getDocuments().stream()
                .mapToLong(d -> (Long) d.get("balance")).sum();
    }
}
