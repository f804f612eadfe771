package dev.quire.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {"any", "guests", "users", "users/verified", "users/unverified", "user:u1",
        "user:u1/verified", "user:u1/unverified", "team:t1", "team:t1/owner", "member:m1", "label:admin",
        "user:a.b-c_d", "team:T1/role-with.dots_and-dashes"})
    void everyRoleKindParses(String role) {
        assertEquals(List.of(new Grant(PermissionType.READ, role)),
                Permissions.forCollection(List.of(Permission.read(role))));
    }

    @Test
    void everyCollectionTypeParses() {
        List<Grant> grants = Permissions.forCollection(List.of(
                Permission.read("any"), Permission.create("any"), Permission.update("any"), Permission.delete("any")));
        assertEquals(List.of(new Grant(PermissionType.READ, "any"), new Grant(PermissionType.CREATE, "any"),
                new Grant(PermissionType.UPDATE, "any"), new Grant(PermissionType.DELETE, "any")), grants);
    }

    @Test
    void anIdOf36CharsIsAccepted() {
        String id = "a".repeat(36);
        assertEquals("read(\"user:" + id + "\")",
                Permissions.forDocument(List.of(Permission.read(Role.user(id)))).get(0).toString());
    }

    @Test
    void anEmptyListGivesNoGrants() {
        assertEquals(List.of(), Permissions.forCollection(List.of()));
    }

    @Test
    void writeExpandsToCreateUpdateDeleteOnACollection() {
        assertEquals(List.of(new Grant(PermissionType.CREATE, "users"), new Grant(PermissionType.UPDATE, "users"),
                new Grant(PermissionType.DELETE, "users")),
                Permissions.forCollection(List.of(Permission.write(Role.users()))));
    }

    @Test
    void writeExpandsToUpdateDeleteOnADocument() {
        assertEquals(List.of(new Grant(PermissionType.UPDATE, "user:u1"), new Grant(PermissionType.DELETE, "user:u1")),
                Permissions.forDocument(List.of(Permission.write(Role.user("u1")))));
    }

    @Test
    void writeExpandsInPlace() {
        List<Grant> grants = Permissions.forCollection(List.of(
                Permission.read("any"), Permission.write("user:u1"), Permission.delete("team:t1")));
        assertEquals(List.of("read(\"any\")", "create(\"user:u1\")", "update(\"user:u1\")", "delete(\"user:u1\")",
                "delete(\"team:t1\")"), Permissions.toStrings(grants));
    }

    @Test
    void orderIsKept() {
        List<String> given = List.of(Permission.delete("user:u2"), Permission.read("users"), Permission.update("any"));
        assertEquals(given, Permissions.toStrings(Permissions.forDocument(given)));
    }

    @Test
    void duplicatesAreRemovedKeepingTheFirst() {
        List<Grant> grants = Permissions.forDocument(List.of(Permission.read("any"), Permission.update("user:u1"),
                Permission.read("any"), Permission.write("user:u1")));
        assertEquals(List.of("read(\"any\")", "update(\"user:u1\")", "delete(\"user:u1\")"),
                Permissions.toStrings(grants));
    }

    @Test
    void anEmptyIdBeforeNothingIsDroppedAsAppwriteDoes() {
        assertEquals(List.of(new Grant(PermissionType.READ, "any")), Permissions.forCollection(List.of("read(\"any:\")")));
    }

    @Test
    void theResultIsUnmodifiable() {
        List<Grant> grants = Permissions.forCollection(List.of(Permission.read("any")));
        assertThrows(UnsupportedOperationException.class, () -> grants.add(new Grant(PermissionType.READ, "users")));
    }

    @Test
    void aNullListIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> Permissions.forCollection(null));
        assertThrows(NullPointerException.class, () -> Permissions.forDocument(null));
    }

    @Test
    void aHundredPermissionsAreAllowed() {
        List<String> hundred = Collections.nCopies(100, Permission.read("any"));
        assertEquals(1, Permissions.forCollection(hundred).size());
    }

    @Test
    void moreThanAHundredPermissionsAreRefused() {
        List<String> many = new ArrayList<>(Collections.nCopies(101, Permission.read("any")));
        PermissionException e = assertThrows(PermissionException.class, () -> Permissions.forDocument(many));
        assertEquals("Invalid `permissions` param: You can only provide up to 100 permissions.", e.getMessage());
        assertEquals("general_argument_invalid", e.getType());
        assertEquals(400, e.getCode());
    }

    @Test
    void theFirstInvalidPermissionIsReported() {
        PermissionException e = assertThrows(PermissionException.class,
                () -> Permissions.forCollection(List.of(Permission.read("any"), "bad", "*")));
        assertEquals("Invalid `permissions` param: Permission \"bad\" is not allowed."
                + " Must be one of: create, read, update, delete, write.", e.getMessage());
    }

    @Test
    void aNullPermissionIsNotAString() {
        PermissionException e = assertThrows(PermissionException.class,
                () -> Permissions.forDocument(Arrays.asList(Permission.read("any"), null)));
        assertEquals("Invalid `permissions` param: Every permission must be of type string.", e.getMessage());
        assertEquals(400, e.getCode());
    }

    @Test
    void toStringsGivesThePermissionStrings() {
        assertEquals(List.of("read(\"any\")", "delete(\"label:vip\")"), Permissions.toStrings(
                List.of(new Grant(PermissionType.READ, "any"), new Grant(PermissionType.DELETE, "label:vip"))));
    }
}
