package dev.quire.permissions;

import static dev.quire.permissions.PermissionFixture.DB;
import static dev.quire.permissions.PermissionFixture.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quire.Databases;
import dev.quire.QuireException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What permissions a document gets: defaults when none are given (for a user caller, not for the root handle
 * or a guest), the grant rule (a caller may only grant roles it holds), {@code write} expansion, and the
 * order and de-duplication of what is stored.
 */
class DocumentGrantSpecTest {
    private static final String ALICE_ROLES = "Permissions must be one of: "
            + "(any, users, user:alice, user:alice/unverified, users/unverified)";

    private final PermissionFixture store = new PermissionFixture();
    private final Databases asAlice = store.as(Caller.user("alice"));
    private final String open = store.collection("open", true, Permission.create(Role.any()),
            Permission.read(Role.any()), Permission.update(Role.any()));

    @AfterEach
    void close() {
        store.close();
    }

    // ---- defaults ----------------------------------------------------------------------------------------

    @Test
    void aUserCallerWithNullPermissionsGetsReadUpdateAndDeleteForThemselves() {
        List<String> expected = List.of(Permission.read(Role.user("alice")), Permission.update(Role.user("alice")),
                Permission.delete(Role.user("alice")));
        assertEquals(expected, asAlice.createDocument(DB, open, "d1", Map.of("title", "x"), null).getPermissions());
        assertEquals(expected, store.root.getDocument(DB, open, "d1").getPermissions());
    }

    @Test
    void theDefaultPermissionsLetTheCreatorReadAUnreadableCollection() {
        String c = store.collection("private", true, Permission.create(Role.users()));
        asAlice.createDocument(DB, c, "d1", Map.of("title", "x"), null);
        assertEquals("d1", asAlice.getDocument(DB, c, "d1").getId());
        assertEquals(1, asAlice.listDocuments(DB, c, List.of()).getTotal());
        assertEquals(0, store.as(Caller.user("bob")).listDocuments(DB, c, List.of()).getTotal());
    }

    @Test
    void aUserCallerWithAnEmptyListGetsNoPermissions() {
        assertEquals(List.of(), asAlice.createDocument(DB, open, "d1", Map.of("title", "x"), List.of()).getPermissions());
    }

    @Test
    void theRootHandleWithNullPermissionsGivesNone() {
        assertEquals(List.of(), store.root.createDocument(DB, open, "d1", Map.of("title", "x"), null).getPermissions());
    }

    @Test
    void aGuestWithNullPermissionsGivesNone() {
        assertEquals(List.of(), store.as(Caller.guest()).createDocument(DB, open, "d1", Map.of("title", "x"), null)
                .getPermissions());
    }

    @Test
    void upsertOfANewDocumentGivesTheSameDefaults() {
        assertEquals(List.of(Permission.read(Role.user("alice")), Permission.update(Role.user("alice")),
                        Permission.delete(Role.user("alice"))),
                asAlice.upsertDocument(DB, open, "d1", Map.of("title", "x"), null).getPermissions());
    }

    @Test
    void updateWithNullPermissionsKeepsTheDocumentsPermissions() {
        store.document(open, "d1", Permission.read(Role.user("bob")));
        assertEquals(List.of(Permission.read(Role.user("bob"))),
                asAlice.updateDocument(DB, open, "d1", Map.of("n", 3), null).getPermissions());
    }

    // ---- the grant rule ----------------------------------------------------------------------------------

    @Test
    void aCallerMayGrantEveryRoleItHolds() {
        Caller caller = Caller.user("alice").verified().team("t1", "owner").member("m1").label("admin");
        List<String> permissions = List.of(Permission.read(Role.any()), Permission.read(Role.users()),
                Permission.read(Role.user("alice")), Permission.read(Role.user("alice", "verified")),
                Permission.read(Role.users("verified")), Permission.update(Role.team("t1")),
                Permission.update(Role.team("t1", "owner")), Permission.delete(Role.member("m1")),
                Permission.delete(Role.label("admin")));
        assertEquals(permissions, store.as(caller).createDocument(DB, open, "d1", Map.of("title", "x"), permissions)
                .getPermissions());
    }

    @Test
    void aCallerCannotGrantARoleItDoesNotHold() {
        QuireException e = assertError("user_unauthorized", 401, () -> asAlice.createDocument(DB, open, "d1",
                Map.of("title", "x"), List.of(Permission.read(Role.user("alice")), Permission.read(Role.user("bob")))));
        assertEquals(ALICE_ROLES, e.getMessage());
        assertEquals(0, store.root.listDocuments(DB, open, List.of()).getTotal());
    }

    @Test
    void theGrantRuleMatchesExactly() {
        QuireException e = assertError("user_unauthorized", 401, () -> asAlice.createDocument(DB, open, "d1",
                Map.of("title", "x"), List.of(Permission.read(Role.user("alice.")))));
        assertEquals(ALICE_ROLES, e.getMessage());
    }

    @Test
    void aGuestCannotGrantUsers() {
        QuireException e = assertError("user_unauthorized", 401, () -> store.as(Caller.guest())
                .createDocument(DB, open, "d1", Map.of("title", "x"), List.of(Permission.read(Role.users()))));
        assertEquals("Permissions must be one of: (any, guests)", e.getMessage());
    }

    @Test
    void theMessageListsTeamMemberAndLabelRolesInAppwritesOrder() {
        Caller caller = Caller.user("alice").team("t1", "owner").member("m1").label("admin");
        QuireException e = assertError("user_unauthorized", 401, () -> store.as(caller)
                .createDocument(DB, open, "d1", Map.of("title", "x"), List.of(Permission.read(Role.team("t2")))));
        assertEquals("Permissions must be one of: (any, users, user:alice, user:alice/unverified, "
                + "users/unverified, team:t1, team:t1/owner, member:m1, label:admin)", e.getMessage());
    }

    @Test
    void theGrantRuleIsReportedBeforeAMissingCreatePermission() {
        String c = store.collection("closed", true);
        QuireException e = assertError("user_unauthorized", 401, () -> asAlice.createDocument(DB, c, "d1",
                Map.of("title", "x"), List.of(Permission.read(Role.user("bob")))));
        assertEquals(ALICE_ROLES, e.getMessage());
    }

    @Test
    void theGrantRuleAppliesToUpdatesAndChangesNothing() {
        store.document(open, "d1", Permission.read(Role.any()));
        QuireException e = assertError("user_unauthorized", 401, () -> asAlice.updateDocument(DB, open, "d1",
                Map.of("n", 5), List.of(Permission.read(Role.user("bob")))));
        assertEquals(ALICE_ROLES, e.getMessage());
        assertEquals(0L, store.root.getDocument(DB, open, "d1").get("n"));
        assertEquals(List.of(Permission.read(Role.any())), store.root.getDocument(DB, open, "d1").getPermissions());
    }

    @Test
    void theGrantRuleAppliesToUpsertsOfNewAndExistingDocuments() {
        store.document(open, "d1");
        List<String> foreign = List.of(Permission.update(Role.team("t1")));
        assertEquals(ALICE_ROLES, assertError("user_unauthorized", 401,
                () -> asAlice.upsertDocument(DB, open, "d1", Map.of("title", "x"), foreign)).getMessage());
        assertEquals(ALICE_ROLES, assertError("user_unauthorized", 401,
                () -> asAlice.upsertDocument(DB, open, "d2", Map.of("title", "x"), foreign)).getMessage());
        assertEquals(1, store.root.listDocuments(DB, open, List.of()).getTotal());
    }

    @Test
    void anUpdateOfAMissingDocumentIsNotFoundBeforeTheGrantRule() {
        assertError("document_not_found", 404, () -> asAlice.updateDocument(DB, open, "missing", Map.of(),
                List.of(Permission.read(Role.user("bob")))));
    }

    @Test
    void theRootHandleMayGrantAnyRole() {
        List<String> permissions = List.of(Permission.read(Role.user("bob")), Permission.update(Role.team("t9", "x")),
                Permission.delete(Role.label("vip")));
        assertEquals(permissions, store.root.createDocument(DB, open, "d1", Map.of("title", "x"), permissions).getPermissions());
    }

    // ---- strings -----------------------------------------------------------------------------------------

    @Test
    void writeOnADocumentStandsForUpdateAndDelete() {
        assertEquals(List.of(Permission.read(Role.user("alice")), Permission.update(Role.user("alice")),
                        Permission.delete(Role.user("alice"))),
                asAlice.createDocument(DB, open, "d1", Map.of("title", "x"),
                        List.of(Permission.read(Role.user("alice")), Permission.write(Role.user("alice"))))
                        .getPermissions());
    }

    @Test
    void writeOnACollectionStandsForCreateUpdateAndDelete() {
        String c = store.collection("writable", false, Permission.write(Role.users()));
        assertEquals(List.of(Permission.create(Role.users()), Permission.update(Role.users()),
                Permission.delete(Role.users())), store.root.getCollection(DB, c).getPermissions());
        asAlice.createDocument(DB, c, "d1", Map.of("title", "x"), List.of());
        asAlice.updateDocument(DB, c, "d1", Map.of("n", 1), null);
        asAlice.deleteDocument(DB, c, "d1");
        assertEquals(0, store.root.listDocuments(DB, c, List.of()).getTotal());
    }

    @Test
    void permissionsAreStoredInTheOrderGivenWithoutDuplicates() {
        List<String> given = List.of(Permission.update(Role.any()), Permission.read(Role.any()),
                Permission.update(Role.any()), Permission.read(Role.users()));
        assertEquals(List.of(Permission.update(Role.any()), Permission.read(Role.any()), Permission.read(Role.users())),
                store.root.createDocument(DB, open, "d1", Map.of("title", "x"), given).getPermissions());
        assertEquals(List.of(Permission.update(Role.any()), Permission.read(Role.any()), Permission.read(Role.users())),
                store.root.getDocument(DB, open, "d1").getPermissions());
    }

    @Test
    void anInvalidPermissionStringIsAnInvalidArgument() {
        assertError("general_argument_invalid", 400,
                () -> store.root.createDocument(DB, open, "d1", Map.of("title", "x"), List.of("i dont work")));
        assertError("general_argument_invalid", 400,
                () -> asAlice.createDocument(DB, open, "d1", Map.of("title", "x"), List.of("read(\"*\")")));
        assertError("general_argument_invalid", 400,
                () -> store.root.createDocument(DB, open, "d1", Map.of("title", "x"), List.of(Permission.create(Role.any()))));
        assertEquals(0, store.root.listDocuments(DB, open, List.of()).getTotal());
    }
}
