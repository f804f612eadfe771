package dev.quire.permissions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesTest {

    private static final List<Grant> NONE = List.of();

    private static List<Grant> collection(String... permissions) {
        return Permissions.forCollection(List.of(permissions));
    }

    private static List<Grant> document(String... permissions) {
        return Permissions.forDocument(List.of(permissions));
    }

    @Test
    void aUsersDefaultsAreReadUpdateDeleteForThemselves() {
        assertEquals(List.of("read(\"user:u1\")", "update(\"user:u1\")", "delete(\"user:u1\")"),
                Permissions.toStrings(Permissions.defaultsFor(Caller.user("u1").verified().team("t1"))));
    }

    @Test
    void aGuestGetsNoDefaults() {
        assertEquals(List.of(), Permissions.defaultsFor(Caller.guest()));
    }

    @Test
    void aCallerMayGrantRolesItHolds() {
        Caller caller = Caller.user("u1").team("t1", "owner").label("vip");
        assertDoesNotThrow(() -> Permissions.checkGrantable(document(Permission.read("any"),
                Permission.update("user:u1"), Permission.delete("team:t1/owner"), Permission.read("label:vip"),
                Permission.read("users/unverified")), caller));
    }

    @Test
    void aCallersDefaultsAreAlwaysGrantable() {
        Caller caller = Caller.user("u1");
        assertDoesNotThrow(() -> Permissions.checkGrantable(Permissions.defaultsFor(caller), caller));
    }

    @Test
    void grantingARoleTheCallerLacksIsUnauthorizedWithAppwritesMessage() {
        PermissionException e = assertThrows(PermissionException.class,
                () -> Permissions.checkGrantable(document(Permission.read("user:u2")), Caller.user("u1")));
        assertEquals("Permissions must be one of: (any, users, user:u1, user:u1/unverified, users/unverified)",
                e.getMessage());
        assertEquals("user_unauthorized", e.getType());
        assertEquals(401, e.getCode());
    }

    @Test
    void aGuestMayOnlyGrantAnyAndGuests() {
        assertDoesNotThrow(() -> Permissions.checkGrantable(document(Permission.read("any"), Permission.read("guests")),
                Caller.guest()));
        PermissionException e = assertThrows(PermissionException.class,
                () -> Permissions.checkGrantable(document(Permission.read("users")), Caller.guest()));
        assertEquals("Permissions must be one of: (any, guests)", e.getMessage());
    }

    @Test
    void theGrantMessageListsTeamsAndLabelsInAppwritesOrder() {
        Caller caller = Caller.user("u1").verified().label("vip").membership("t1", "m1", "owner");
        PermissionException e = assertThrows(PermissionException.class,
                () -> Permissions.checkGrantable(document(Permission.read("team:t2")), caller));
        assertEquals("Permissions must be one of: (any, users, user:u1, user:u1/verified, users/verified, team:t1,"
                + " member:m1, team:t1/owner, label:vip)", e.getMessage());
    }

    @Test
    void aCollectionPermissionAllows() {
        assertTrue(Permissions.allows(Set.of("any"), PermissionType.READ, collection(Permission.read("any")), false, NONE));
    }

    @Test
    void aPermissionForAnotherActionDoesNotAllow() {
        assertFalse(Permissions.allows(Set.of("any"), PermissionType.UPDATE, collection(Permission.read("any")),
                true, document(Permission.read("any"))));
    }

    @Test
    void aDocumentPermissionAllowsOnlyWithDocumentSecurity() {
        List<Grant> doc = document(Permission.update("user:u1"));
        Set<String> roles = Caller.user("u1").roles();
        assertTrue(Permissions.allows(roles, PermissionType.UPDATE, NONE, true, doc));
        assertFalse(Permissions.allows(roles, PermissionType.UPDATE, NONE, false, doc));
    }

    @Test
    void withoutADocumentOnlyTheCollectionCounts() {
        Set<String> roles = Caller.user("u1").roles();
        assertTrue(Permissions.allows(roles, PermissionType.CREATE, collection(Permission.create("users")), true, null));
        assertFalse(Permissions.allows(roles, PermissionType.CREATE, NONE, true, null));
    }

    @Test
    void rolesMatchExactlyNotByPrefix() {
        List<Grant> doc = document(Permission.read("user:alice"), Permission.read("team:t1/owner"));
        assertFalse(Permissions.allows(Set.of("user:alice."), PermissionType.READ, NONE, true, doc));
        assertFalse(Permissions.allows(Set.of("user:alic"), PermissionType.READ, NONE, true, doc));
        assertFalse(Permissions.allows(Set.of("team:t1"), PermissionType.READ, NONE, true, doc));
        assertFalse(Permissions.allows(Set.of("user:ALICE"), PermissionType.READ, NONE, true, doc));
    }

    @Test
    void aVerifiedRoleDoesNotMatchTheUnverifiedCaller() {
        List<Grant> coll = collection(Permission.read(Role.users("verified")));
        assertFalse(Permissions.allows(Caller.user("u1").roles(), PermissionType.READ, coll, false, NONE));
        assertTrue(Permissions.allows(Caller.user("u1").verified().roles(), PermissionType.READ, coll, false, NONE));
    }

    @Test
    void writeIsNotAnAction() {
        assertThrows(IllegalArgumentException.class,
                () -> Permissions.allows(Set.of("any"), PermissionType.WRITE, NONE, false, NONE));
    }
}
