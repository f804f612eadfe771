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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Appwrite's staged transactions: createTransaction, staging, reads with a transaction id, commit, rollback. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class StagedTransactionsTest {
    private static final String DB = "shop";
    private static final String ITEMS = "items";

    private final StoreKind kind;
    @TempDir
    Path directory;
    private Databases db;

    StagedTransactionsTest(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void createItems() {
        db = kind.open(directory);
        db.create(DB, "Shop");
        db.createCollection(DB, ITEMS, "Items", List.of(Permission.read(Role.users()),
                Permission.create(Role.users())), true, true);
        db.createStringAttribute(DB, ITEMS, "name", 32, true, null, false);
        db.createIntegerAttribute(DB, ITEMS, "stock", false, 0L, 1000L, null, false);
        db.createDocument(DB, ITEMS, "apple", Map.of("name", "apple", "stock", 10));
        db.createDocument(DB, ITEMS, "pear", Map.of("name", "pear", "stock", 20));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> ids(DocumentList list) {
        return list.getDocuments().stream().map(Document::getId).toList();
    }

    private String dump() {
        return db.listDocuments(DB, ITEMS, List.of(Query.limit(1000))).getDocuments().toString();
    }

    @Test
    void aNewTransactionIsPendingWithNoOperationsAndExpiresAfterItsTtl() {
        Transaction tx = db.createTransaction(null);
        Transaction hour = db.createTransaction(3600);

        assertEquals("pending", tx.getStatus());
        assertEquals(0, tx.getOperations());
        assertEquals(Duration.ofSeconds(300), Duration.between(instant(tx.getCreatedAt()), instant(tx.getExpiresAt())));
        assertEquals(Duration.ofSeconds(3600),
                Duration.between(instant(hour.getCreatedAt()), instant(hour.getExpiresAt())));
        assertEquals(tx, db.getTransaction(tx.getId()));
    }

    private static Instant instant(String datetime) {
        return OffsetDateTime.parse(datetime).toInstant();
    }

    @Test
    void aTtlOutsideSixtyToThirtySixHundredSecondsIsRefused() {
        assertError("general_argument_invalid", 400, "Invalid `ttl` param: Value must be a valid range between 60 "
                + "and 3,600", () -> db.createTransaction(59));
        assertError("general_argument_invalid", 400, () -> db.createTransaction(3601));
        assertEquals("pending", db.createTransaction(60).getStatus());
    }

    @Test
    void anUnknownTransactionIsNotFound() {
        assertError("transaction_not_found", 404, "Transaction with the requested ID 'nope' could not be found.",
                () -> db.getTransaction("nope"));
        assertError("transaction_not_found", 404, () -> db.updateTransaction("nope", true, null));
        assertError("transaction_not_found", 404, () -> db.deleteTransaction("nope"));
        assertError("transaction_not_found", 404, () -> db.createDocument(DB, ITEMS, "kiwi",
                Map.of("name", "kiwi"), null, "nope"));
        assertError("transaction_not_found", 404, () -> db.getDocument(DB, ITEMS, "apple", null, "nope"));
    }

    @Test
    void stagedWritesAreInvisibleUntilCommittedThenAllLand() {
        String tx = db.createTransaction(null).getId();

        Document staged = db.createDocument(DB, ITEMS, "kiwi", Map.of("name", "kiwi", "stock", 5), null, tx);
        Document updated = db.updateDocument(DB, ITEMS, "apple", Map.of("stock", 9), null, tx);
        db.deleteDocument(DB, ITEMS, "pear", tx);

        assertEquals("kiwi", staged.getId());
        assertEquals(Map.of("name", "kiwi", "stock", 5L), staged.getData());
        assertEquals(Map.of("name", "apple", "stock", 9L), updated.getData(), "the staged data over the document");
        assertEquals(3, db.getTransaction(tx).getOperations());
        assertEquals(List.of("apple", "pear"), ids(db.listDocuments(DB, ITEMS, List.of())));
        assertEquals(10L, db.getDocument(DB, ITEMS, "apple").get("stock"));

        Transaction committed = db.updateTransaction(tx, true, null);

        assertEquals("committed", committed.getStatus());
        assertEquals(List.of("apple", "kiwi"), ids(db.listDocuments(DB, ITEMS, List.of())));
        assertEquals(9L, db.getDocument(DB, ITEMS, "apple").get("stock"));
        assertEquals("committed", db.getTransaction(tx).getStatus());
    }

    @Test
    void readsWithTheTransactionIdSeeTheStagedStateWithFiltersOrderLimitAndTotalExact() {
        String tx = db.createTransaction(null).getId();
        db.createDocument(DB, ITEMS, "kiwi", Map.of("name", "kiwi", "stock", 5), null, tx);
        db.createDocument(DB, ITEMS, "fig", Map.of("name", "fig", "stock", 500), null, tx);
        db.updateDocument(DB, ITEMS, "apple", Map.of("stock", 1), null, tx);
        db.deleteDocument(DB, ITEMS, "pear", tx);

        DocumentList low = db.listDocuments(DB, ITEMS, List.of(Query.lessThan("stock", 100),
                Query.orderAsc("stock"), Query.limit(1)), tx);

        assertEquals(2, low.getTotal(), "apple (1) and kiwi (5); fig is filtered out, pear deleted");
        assertEquals(List.of("apple"), ids(low));
        assertEquals(List.of("fig", "kiwi", "apple"), ids(db.listDocuments(DB, ITEMS,
                List.of(Query.orderDesc("stock")), tx, false)));
        assertEquals(5L, db.getDocument(DB, ITEMS, "kiwi", null, tx).get("stock"));
        assertEquals(Map.of("stock", 1L), db.getDocument(DB, ITEMS, "apple", List.of(Query.select(List.of("stock"))),
                tx).getData());
        assertError("document_not_found", 404, () -> db.getDocument(DB, ITEMS, "pear", null, tx));
        assertEquals(List.of("apple", "pear"), ids(db.listDocuments(DB, ITEMS, List.of())), "nothing written yet");
    }

    @Test
    void aRollbackDiscardsEverythingAndMarksTheTransactionFailed() {
        String before = dump();
        String tx = db.createTransaction(null).getId();
        db.updateDocument(DB, ITEMS, "apple", Map.of("stock", 0), null, tx);

        Transaction rolledBack = db.updateTransaction(tx, null, true);

        assertEquals("failed", rolledBack.getStatus());
        assertEquals(before, dump());
        assertEquals(10L, db.getDocument(DB, ITEMS, "apple", null, tx).get("stock"), "reads see committed data");
    }

    @Test
    void commitOrRollbackMustBeChosenExactlyOnce() {
        String tx = db.createTransaction(null).getId();

        assertError("general_bad_request", 400, "Either commit or rollback must be true",
                () -> db.updateTransaction(tx, null, false));
        assertError("general_bad_request", 400, "Cannot commit and rollback at the same time",
                () -> db.updateTransaction(tx, true, true));
        db.updateTransaction(tx, true, null);
        assertError("transaction_not_ready", 400, () -> db.updateTransaction(tx, true, null));
        assertError("transaction_not_ready", 400, () -> db.updateTransaction(tx, null, true));
    }

    @Test
    void stagingOnATransactionThatIsNoLongerPendingIsRefused() {
        String tx = db.createTransaction(null).getId();
        db.updateTransaction(tx, null, true);

        assertError("transaction_not_ready", 400, () -> db.updateDocument(DB, ITEMS, "apple",
                Map.of("stock", 1), null, tx));
        assertError("general_bad_request", 400, "Invalid or non-pending transaction", () -> db.createOperations(tx,
                List.of(Map.of("action", "delete", "databaseId", DB, "collectionId", ITEMS, "documentId", "pear"))));
    }

    @Test
    void aDocumentChangedAfterItsOperationWasStagedMakesTheCommitAConflictThatWritesNothing() throws Exception {
        String tx = db.createTransaction(null).getId();
        db.createDocument(DB, ITEMS, "kiwi", Map.of("name", "kiwi"), null, tx);
        db.updateDocument(DB, ITEMS, "apple", Map.of("stock", 9), null, tx);
        Thread.sleep(2);
        db.updateDocument(DB, ITEMS, "apple", Map.of("stock", 11), null);
        String before = dump();

        assertError("transaction_conflict", 409, () -> db.updateTransaction(tx, true, null));

        assertEquals(before, dump());
        assertEquals("failed", db.getTransaction(tx).getStatus());
    }

    @Test
    void creatingAnIdThatExistsByCommitTimeIsAConflict() {
        String tx = db.createTransaction(null).getId();
        db.createDocument(DB, ITEMS, "kiwi", Map.of("name", "staged"), null, tx);
        db.createDocument(DB, ITEMS, "kiwi", Map.of("name", "outside"));

        assertError("transaction_conflict", 409, () -> db.updateTransaction(tx, true, null));
        assertEquals("outside", db.getDocument(DB, ITEMS, "kiwi").get("name"));
    }

    @Test
    void aDocumentDeletedOutsideAfterStagingIsNotFoundAtCommit() {
        String tx = db.createTransaction(null).getId();
        db.updateDocument(DB, ITEMS, "pear", Map.of("stock", 1), null, tx);
        db.deleteDocument(DB, ITEMS, "pear");

        assertError("document_not_found", 404, () -> db.updateTransaction(tx, true, null));
        assertEquals("failed", db.getTransaction(tx).getStatus());
    }

    @Test
    void invalidStagedDataFailsTheCommitAndWritesNothing() {
        String before = dump();
        String tx = db.createTransaction(null).getId();
        db.updateDocument(DB, ITEMS, "apple", Map.of("stock", 1), null, tx);
        db.updateDocument(DB, ITEMS, "pear", Map.of("stock", 5000), null, tx);

        assertError("document_invalid_structure", 400, () -> db.updateTransaction(tx, true, null));
        assertEquals(before, dump());
    }

    @Test
    void updatesOfDocumentsTheTransactionCreatedNeverConflict() throws Exception {
        String tx = db.createTransaction(null).getId();
        db.createDocument(DB, ITEMS, "kiwi", Map.of("name", "kiwi", "stock", 1), null, tx);
        db.updateDocument(DB, ITEMS, "kiwi", Map.of("stock", 2), null, tx);
        db.upsertDocument(DB, ITEMS, "kiwi", Map.of("name", "kiwi", "stock", 3), null, tx);

        db.updateTransaction(tx, true, null);

        assertEquals(3L, db.getDocument(DB, ITEMS, "kiwi").get("stock"));
    }

    @Test
    void anUpdateOrDeleteOfADocumentNeitherTheStoreNorTheTransactionHoldsIsNotFoundWhenStaged() {
        String tx = db.createTransaction(null).getId();

        assertError("document_not_found", 404, () -> db.updateDocument(DB, ITEMS, "kiwi", Map.of("stock", 1), null,
                tx));
        db.deleteDocument(DB, ITEMS, "apple", tx);
        assertError("document_not_found", 404, () -> db.deleteDocument(DB, ITEMS, "apple", tx));
        assertError("database_not_found", 404, () -> db.deleteDocument("nope", ITEMS, "apple", tx));
        assertError("collection_not_found", 404, () -> db.deleteDocument(DB, "nope", "apple", tx));
        assertEquals(1, db.getTransaction(tx).getOperations(), "refused calls stage nothing");
    }

    @Test
    void theOperationLimitIsAppwritesHundredUnlessTheBuilderRaisesIt() {
        String tx = db.createTransaction(null).getId();
        List<Map<String, ?>> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(Map.of("action", "create", "databaseId", DB, "collectionId", ITEMS, "documentId", "d" + i,
                    "data", Map.of("name", "d" + i)));
        }
        assertEquals(100, db.createOperations(tx, hundred).getOperations());

        assertError("transaction_limit_exceeded", 400, "Transaction already has 100 operations, adding 1 would "
                + "exceed the maximum of 100", () -> db.deleteDocument(DB, ITEMS, "apple", tx));

        try (Databases wide = Databases.builder().inMemory().transactionOperationLimit(101).build()) {
            wide.create(DB, "Shop");
            wide.createCollection(DB, ITEMS, "Items");
            wide.createStringAttribute(DB, ITEMS, "name", 32, true, null, false);
            String big = wide.createTransaction(null).getId();
            hundred.add(Map.of("action", "create", "databaseId", DB, "collectionId", ITEMS, "documentId", "d100",
                    "data", Map.of("name", "d100")));
            assertEquals(101, wide.createOperations(big, hundred).getOperations());
            wide.updateTransaction(big, true, null);
            assertEquals(101, wide.listDocuments(DB, ITEMS, List.of()).getTotal());
        }
    }

    @Test
    void createOperationsStagesInOrderAndCountsEarlierOperationsOfTheBatch() {
        String tx = db.createTransaction(null).getId();

        Transaction staged = db.createOperations(tx, List.of(
                Map.of("action", "create", "databaseId", DB, "collectionId", ITEMS, "documentId", "kiwi",
                        "data", Map.of("name", "kiwi", "$permissions", List.of(Permission.read(Role.any())))),
                Map.of("action", "update", "databaseId", DB, "collectionId", ITEMS, "documentId", "kiwi",
                        "data", Map.of("stock", 7)),
                Map.of("action", "delete", "databaseId", DB, "collectionId", ITEMS, "documentId", "pear")));
        db.updateTransaction(tx, true, null);

        assertEquals(3, staged.getOperations());
        Document kiwi = db.getDocument(DB, ITEMS, "kiwi");
        assertEquals(7L, kiwi.get("stock"));
        assertEquals(List.of(Permission.read(Role.any())), kiwi.getPermissions());
        assertError("document_not_found", 404, () -> db.getDocument(DB, ITEMS, "pear"));
    }

    @Test
    void createOperationsRefusesBadOperations() {
        String tx = db.createTransaction(null).getId();

        assertError("general_bad_request", 400, "Operations array cannot be empty",
                () -> db.createOperations(tx, List.of()));
        assertError("general_bad_request", 400, "Invalid action: explode", () -> db.createOperations(tx, List.of(
                Map.of("action", "explode", "databaseId", DB, "collectionId", ITEMS, "documentId", "x"))));
        assertError("general_bad_request", 400, () -> db.createOperations(tx, List.of(Map.of("action", "bulkCreate",
                "databaseId", DB, "collectionId", ITEMS, "data", List.of()))));
        assertError("general_bad_request", 400, () -> db.createOperations(tx, List.of(Map.of("action", "increment",
                "databaseId", DB, "collectionId", ITEMS, "documentId", "apple", "data", Map.of("attribute", "stock")))));
        assertError("general_argument_invalid", 400, () -> db.createOperations(tx, List.of(
                Map.of("action", "update", "databaseId", DB, "collectionId", ITEMS, "documentId", "apple"))));
        assertError("general_argument_invalid", 400, () -> db.createOperations(tx, List.of(
                Map.of("action", "delete", "databaseId", "", "collectionId", ITEMS, "documentId", "apple"))));
        assertError("document_not_found", 404, () -> db.createOperations(tx, List.of(
                Map.of("action", "update", "databaseId", DB, "collectionId", ITEMS, "documentId", "kiwi",
                        "data", Map.of("stock", 1)))));
        assertEquals(0, db.getTransaction(tx).getOperations());
    }

    @Test
    void aDeletedTransactionIsGone() {
        String tx = db.createTransaction(null).getId();
        db.updateDocument(DB, ITEMS, "apple", Map.of("stock", 1), null, tx);

        db.deleteTransaction(tx);

        assertError("transaction_not_found", 404, () -> db.getTransaction(tx));
        assertEquals(10L, db.getDocument(DB, ITEMS, "apple").get("stock"));
    }

    @Test
    void listTransactionsFiltersOnStatusAndExpiresAtOnly() {
        String pending = db.createTransaction(null).getId();
        String failed = db.createTransaction(null).getId();
        db.updateTransaction(failed, null, true);

        TransactionList list = db.listTransactions(List.of(Query.equal("status", "pending")));

        assertEquals(1, list.getTotal());
        assertEquals(pending, list.getTransactions().get(0).getId());
        assertEquals(2, db.listTransactions(List.of(Query.greaterThan("expiresAt", "2020-01-01"))).getTotal());
        assertError("general_query_invalid", 400, () -> db.listTransactions(List.of(Query.equal("operations", 0))));
    }

    @Test
    void aUsersTransactionsAreTheirsAlone() {
        Databases alice = db.as(Caller.user("alice"));
        Databases bob = db.as(Caller.user("bob"));
        String tx = alice.createTransaction(null).getId();
        alice.createDocument(DB, ITEMS, "kiwi", Map.of("name", "kiwi"), null, tx);

        assertError("transaction_not_found", 404, () -> bob.getTransaction(tx));
        assertError("transaction_not_found", 404, () -> bob.createDocument(DB, ITEMS, "fig", Map.of("name", "fig"),
                null, tx));
        assertEquals(0, bob.listTransactions(null).getTotal());
        assertEquals(1, alice.listTransactions(null).getTotal());
        assertEquals(tx, db.getTransaction(tx).getId(), "the root handle sees every transaction");

        alice.updateTransaction(tx, true, null);
        assertEquals(List.of(Permission.read(Role.user("alice")), Permission.update(Role.user("alice")),
                Permission.delete(Role.user("alice"))), db.getDocument(DB, ITEMS, "kiwi").getPermissions(),
                "a user's defaults, resolved when staged");
    }

    @Test
    void aCallerStagesOnlyWhatItsPermissionsAllow() {
        Databases guest = db.as(Caller.guest());
        Databases alice = db.as(Caller.user("alice"));
        String tx = alice.createTransaction(null).getId();

        assertError("user_unauthorized", 401, () -> alice.updateDocument(DB, ITEMS, "apple", Map.of("stock", 1),
                null, tx));
        assertError("user_unauthorized", 401, () -> alice.createDocument(DB, ITEMS, "kiwi", Map.of("name", "kiwi"),
                List.of(Permission.read(Role.user("bob"))), tx));
        assertEquals(0, guest.listTransactions(null).getTotal());
    }

    @Test
    void stagedTransactionsCannotBeUsedInsideInTransaction() {
        String tx = db.createTransaction(null).getId();

        db.useTransaction(inner -> {
            assertError("transaction_invalid", 400, () -> inner.createTransaction(null));
            assertError("transaction_invalid", 400, () -> inner.getDocument(DB, ITEMS, "apple", null, tx));
        });
    }

    @Test
    void tablesDbStagesRowsInTheSameTransactions() {
        TablesDB tables = db.tablesDB();
        String tx = tables.createTransaction(null).getId();

        tables.createRow(DB, ITEMS, "kiwi", Map.of("name", "kiwi"), null, tx);
        db.updateDocument(DB, ITEMS, "apple", Map.of("stock", 4), null, tx);
        tables.createOperations(tx, List.of(Map.of("action", "delete", "databaseId", DB, "tableId", ITEMS,
                "rowId", "pear")));

        assertEquals(3, tables.getTransaction(tx).getOperations(), "one transaction across both APIs");
        assertEquals(2, tables.listRows(DB, ITEMS, List.of(), tx, true).getTotal());
        assertError("row_not_found", 404, () -> tables.getRow(DB, ITEMS, "pear", null, tx));
        assertEquals("committed", tables.updateTransaction(tx, true, null).getStatus());
        assertEquals(List.of("apple", "kiwi"), ids(db.listDocuments(DB, ITEMS, List.of())));
    }

    /** A file store of its own, with the items collection, for checks that need the file. */
    private Databases fileStore(String name) {
        Databases file = Databases.open(directory.resolve(name));
        file.create(DB, "Shop");
        file.createCollection(DB, ITEMS, "Items");
        file.createStringAttribute(DB, ITEMS, "name", 32, true, null, false);
        file.createIntegerAttribute(DB, ITEMS, "stock", false, 0L, 1000L, null, false);
        file.createDocument(DB, ITEMS, "apple", Map.of("name", "apple", "stock", 10));
        file.createDocument(DB, ITEMS, "pear", Map.of("name", "pear", "stock", 20));
        return file;
    }

    @Test
    void aTransactionPastItsExpiryCannotStageOrCommit() throws Exception {
        try (Databases file = fileStore("expiry")) {
            String tx = file.createTransaction(60).getId();
            file.updateDocument(DB, ITEMS, "apple", Map.of("stock", 1), null, tx);
            // Into the past, through a second connection to the same H2 database (a test cannot wait 60 s).
            try (Connection connection = DriverManager.getConnection("jdbc:h2:retry:"
                    + directory.resolve("expiry").toAbsolutePath(), "sa", "");
                 PreparedStatement statement = connection.prepareStatement("UPDATE \"quire_transactions\" "
                         + "SET \"expiresAt\" = '2000-01-01T00:00:00.000+00:00' WHERE \"_uid\" = ?")) {
                statement.setString(1, tx);
                assertEquals(1, statement.executeUpdate());
            }

            assertError("transaction_expired", 410, "Transaction with the requested ID '" + tx + "' has expired.",
                    () -> file.updateDocument(DB, ITEMS, "pear", Map.of("stock", 1), null, tx));
            assertError("transaction_expired", 410, () -> file.createOperations(tx, List.of(Map.of("action",
                    "delete", "databaseId", DB, "collectionId", ITEMS, "documentId", "pear"))));
            assertError("transaction_expired", 410, () -> file.updateTransaction(tx, true, null));
            assertEquals(10L, file.getDocument(DB, ITEMS, "apple").get("stock"));

            file.createTransaction(null); // sweeps expired transactions
            assertError("transaction_not_found", 404, () -> file.getTransaction(tx));
        }
    }

    @Test
    void transactionsSurviveAReopen() {
        String tx;
        try (Databases file = fileStore("reopen")) {
            tx = file.createTransaction(null).getId();
            file.updateDocument(DB, ITEMS, "apple", Map.of("stock", 3), null, tx);
        }

        try (Databases file = Databases.open(directory.resolve("reopen"))) {
            assertEquals(1, file.getTransaction(tx).getOperations());
            file.updateTransaction(tx, true, null);
            assertEquals(3L, file.getDocument(DB, ITEMS, "apple").get("stock"));
        }
    }
}
