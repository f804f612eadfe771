package dev.quire.permissions;

import static dev.quire.permissions.PermissionFixture.DB;
import static dev.quire.permissions.PermissionFixture.assertDocumentNotFound;
import static dev.quire.permissions.PermissionFixture.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.query.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role kind, granted on a document and on a collection, against callers that hold it and callers that
 * nearly do. Matching is exact: {@code user:alice} is not {@code user:alice.}, {@code label:admin} is not
 * {@code label:Admin}, and nothing is a prefix. Each case checks the single-document path (Java) and the list
 * path (SQL) so that both decide alike. Every case has its own documents, so cases share one store.
 */
class RoleSpecTest {
    private static final Caller GUEST = Caller.guest();
    private static final Caller ALICE = Caller.user("alice");
    private static final Caller ALICE_VERIFIED = Caller.user("alice").verified();

    /** A role, a caller, and whether the caller holds the role. */
    private record Case(String role, Caller caller, boolean holds) {
        @Override
        public String toString() {
            return role + " for " + caller + ": " + holds;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(Role.any(), GUEST, true),
            new Case(Role.any(), ALICE, true),
            new Case(Role.guests(), GUEST, true),
            new Case(Role.guests(), ALICE, false),
            new Case(Role.users(), ALICE, true),
            new Case(Role.users(), ALICE_VERIFIED, true),
            new Case(Role.users(), GUEST, false),
            new Case(Role.users("verified"), ALICE_VERIFIED, true),
            new Case(Role.users("verified"), ALICE, false),
            new Case(Role.users("unverified"), ALICE, true),
            new Case(Role.users("unverified"), ALICE_VERIFIED, false),
            new Case(Role.users("unverified"), GUEST, false),
            new Case(Role.user("alice"), ALICE, true),
            new Case(Role.user("alice"), ALICE_VERIFIED, true),
            new Case(Role.user("alice"), Caller.user("bob"), false),
            new Case(Role.user("alice"), Caller.user("alice."), false),
            new Case(Role.user("alice"), Caller.user("Alice"), false),
            new Case(Role.user("alice"), Caller.user("alic"), false),
            new Case(Role.user("alice"), Caller.user("bob").team("alice"), false),
            new Case(Role.user("alice."), Caller.user("alice."), true),
            new Case(Role.user("alice."), ALICE, false),
            new Case(Role.user("alice", "verified"), ALICE_VERIFIED, true),
            new Case(Role.user("alice", "verified"), ALICE, false),
            new Case(Role.user("alice", "verified"), Caller.user("bob").verified(), false),
            new Case(Role.user("alice", "unverified"), ALICE, true),
            new Case(Role.user("alice", "unverified"), ALICE_VERIFIED, false),
            new Case(Role.team("t1"), ALICE.team("t1"), true),
            new Case(Role.team("t1"), ALICE.team("t1", "owner"), true),
            new Case(Role.team("t1"), ALICE.team("t2"), false),
            new Case(Role.team("t1"), ALICE.team("t10"), false),
            new Case(Role.team("t1"), ALICE.member("t1"), false),
            new Case(Role.team("t1", "owner"), ALICE.team("t1", "owner"), true),
            new Case(Role.team("t1", "owner"), ALICE.team("t1", "editor", "owner"), true),
            new Case(Role.team("t1", "owner"), ALICE.team("t1", "editor"), false),
            new Case(Role.team("t1", "owner"), ALICE.team("t1"), false),
            new Case(Role.team("t1", "owner"), ALICE.team("t2", "owner"), false),
            new Case(Role.member("m1"), ALICE.member("m1"), true),
            new Case(Role.member("m1"), ALICE.membership("t1", "m1", "owner"), true),
            new Case(Role.member("m1"), ALICE.member("m10"), false),
            new Case(Role.member("m1"), ALICE.team("m1"), false),
            new Case(Role.label("admin"), ALICE.label("admin"), true),
            new Case(Role.label("admin"), ALICE.label("Admin"), false),
            new Case(Role.label("admin"), ALICE.label("admins"), false),
            new Case(Role.label("admin"), ALICE, false));


    private static PermissionFixture store;
    /** Documents {@code r<i>} readable by case i's role, in a collection with documentSecurity. */
    private static String readable;
    /** Documents {@code w<i>} that case i's role may update and delete, in a collection with documentSecurity. */
    private static String writable;
    /** For each role, a collection without documentSecurity that grants it read, holding one document. */
    private static final Map<String, String> COLLECTION_BY_ROLE = new HashMap<>();

    @BeforeAll
    static void open() {
        store = new PermissionFixture();
        readable = store.collection("readable", true);
        writable = store.collection("writable", true);
        for (int i = 0; i < CASES.size(); i++) {
            String role = CASES.get(i).role();
            store.document(readable, "r" + i, Permission.read(role));
            store.document(writable, "w" + i, Permission.update(role), Permission.delete(role));
            COLLECTION_BY_ROLE.computeIfAbsent(role, r -> {
                String c = "role" + COLLECTION_BY_ROLE.size();
                store.root.createCollection(DB, c, c, List.of(Permission.read(r)), false, true);
                store.root.createStringAttribute(DB, c, "title", 10, false, null, false);
                store.root.createDocument(DB, c, "d1", Map.of("title", "x"), List.of());
                return c;
            });
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Stream<Arguments> cases() {
        return IntStream.range(0, CASES.size()).mapToObj(i -> Arguments.of(i, CASES.get(i)));
    }

    @ParameterizedTest(name = "read on a document: {1}")
    @MethodSource("cases")
    void aDocumentRoleMatchesExactlyTheCallersHoldingIt(int index, Case role) {
        Databases view = store.as(role.caller());
        String id = "r" + index;
        if (role.holds()) {
            assertEquals(id, view.getDocument(DB, readable, id).getId());
        } else {
            assertDocumentNotFound(() -> view.getDocument(DB, readable, id));
        }
        DocumentList list = view.listDocuments(DB, readable, List.of(Query.equal("title", id)));
        assertEquals(role.holds() ? List.of(id) : List.of(), list.getDocuments().stream().map(Document::getId).toList());
        assertEquals(role.holds() ? 1 : 0, list.getTotal());
    }

    @ParameterizedTest(name = "read on a collection: {1}")
    @MethodSource("cases")
    void aCollectionRoleMatchesExactlyTheCallersHoldingIt(int index, Case role) {
        Databases view = store.as(role.caller());
        String c = COLLECTION_BY_ROLE.get(role.role());
        if (role.holds()) {
            assertEquals("d1", view.getDocument(DB, c, "d1").getId());
            assertEquals(1, view.listDocuments(DB, c, List.of()).getTotal());
        } else {
            assertDocumentNotFound(() -> view.getDocument(DB, c, "d1"));
            assertUnauthorized(() -> view.listDocuments(DB, c, List.of()));
        }
    }

    @ParameterizedTest(name = "update and delete on a document: {1}")
    @MethodSource("cases")
    void aDocumentRoleDecidesUpdatesAndDeletesAlike(int index, Case role) {
        Databases view = store.as(role.caller());
        String id = "w" + index;
        if (role.holds()) {
            assertEquals(1L, view.updateDocument(DB, writable, id, Map.of("n", 1), null).get("n"));
            view.deleteDocument(DB, writable, id);
            assertDocumentNotFound(() -> store.root.getDocument(DB, writable, id));
        } else {
            assertUnauthorized(() -> view.updateDocument(DB, writable, id, Map.of("n", 1), null));
            assertUnauthorized(() -> view.deleteDocument(DB, writable, id));
            assertEquals(0L, store.root.getDocument(DB, writable, id).get("n"));
        }
    }
}
