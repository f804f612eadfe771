package dev.quire.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BuildersTest {

    @Test
    void roleBuildersGiveTheSdkStrings() {
        assertEquals("any", Role.any());
        assertEquals("guests", Role.guests());
        assertEquals("users", Role.users());
        assertEquals("users/verified", Role.users("verified"));
        assertEquals("users/unverified", Role.users("unverified"));
        assertEquals("user:u1", Role.user("u1"));
        assertEquals("user:u1/verified", Role.user("u1", "verified"));
        assertEquals("team:t1", Role.team("t1"));
        assertEquals("team:t1/owner", Role.team("t1", "owner"));
        assertEquals("member:m1", Role.member("m1"));
        assertEquals("label:admin", Role.label("admin"));
    }

    @Test
    void anEmptyStatusOrTeamRoleIsLeftOutLikeInTheSdks() {
        assertEquals("users", Role.users(""));
        assertEquals("user:u1", Role.user("u1", ""));
        assertEquals("team:t1", Role.team("t1", ""));
    }

    @Test
    void permissionBuildersGiveTheSdkStrings() {
        assertEquals("read(\"any\")", Permission.read(Role.any()));
        assertEquals("create(\"users\")", Permission.create(Role.users()));
        assertEquals("update(\"team:t1/owner\")", Permission.update(Role.team("t1", "owner")));
        assertEquals("delete(\"user:u1\")", Permission.delete(Role.user("u1")));
        assertEquals("write(\"label:admin\")", Permission.write(Role.label("admin")));
    }

    @Test
    void buildersRejectNullAsAppwriteRejectsAMissingParameter() {
        PermissionException e = assertThrows(PermissionException.class, () -> Permission.read(null));
        assertEquals("general_argument_invalid", e.getType());
        assertEquals(400, e.getCode());
        assertEquals("Param \"role\" is not optional.", e.getMessage());
        assertEquals("Param \"id\" is not optional.", assertThrows(PermissionException.class, () -> Role.user(null)).getMessage());
        assertEquals("Param \"status\" is not optional.",
                assertThrows(PermissionException.class, () -> Role.user("u1", null)).getMessage());
        assertEquals("Param \"role\" is not optional.",
                assertThrows(PermissionException.class, () -> Role.team("t1", null)).getMessage());
        assertEquals("Param \"name\" is not optional.", assertThrows(PermissionException.class, () -> Role.label(null)).getMessage());
    }

    @Test
    void permissionTypesUseAppwritesWireNames() {
        assertEquals("read", PermissionType.READ.wireName());
        assertEquals("create", PermissionType.CREATE.wireName());
        assertEquals("update", PermissionType.UPDATE.wireName());
        assertEquals("delete", PermissionType.DELETE.wireName());
        assertEquals("write", PermissionType.WRITE.wireName());
    }

    @Test
    void aGrantPrintsAsItsPermissionString() {
        assertEquals("update(\"team:t1/owner\")", new Grant(PermissionType.UPDATE, "team:t1/owner").toString());
    }

    @Test
    void aGrantCannotBeWrite() {
        assertThrows(IllegalArgumentException.class, () -> new Grant(PermissionType.WRITE, "any"));
    }

    @Test
    void aGrantNeedsAValidCanonicalRole() {
        assertThrows(IllegalArgumentException.class, () -> new Grant(PermissionType.READ, "everyone"));
        assertThrows(IllegalArgumentException.class, () -> new Grant(PermissionType.READ, "any:"));
        assertThrows(NullPointerException.class, () -> new Grant(PermissionType.READ, null));
    }
}
