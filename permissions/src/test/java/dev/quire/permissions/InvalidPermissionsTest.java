package dev.quire.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed permission gives Appwrite's 400 general_argument_invalid with Appwrite's description. */
class InvalidPermissionsTest {

    private static final String KEY_36 = "Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9,"
            + " period, hyphen, and underscore. Can't start with a special char";
    private static final String KEY_81 = KEY_36.replace("36", "81");
    private static final String LABEL = "Value must be a valid string between 1 and 36 chars containing only"
            + " alphanumeric chars";
    private static final String ROLES = "any, guests, users, user, team, member, label";

    static Stream<Arguments> invalidPermissions() {
        return Stream.of(
                arguments("i dont work",
                        "Permission \"i dont work\" is not allowed. Must be one of: create, read, update, delete, write."),
                arguments("*", "Wildcard permission \"*\" has been replaced. Use \"any\" instead."),
                // Appwrite hints at "any" only for a bare "*"; inside a permission it is an unknown role.
                arguments("read(\"*\")", "Role \"*\" is not allowed. Must be one of: " + ROLES + "."),
                arguments("read(\"role:all\")", "Permissions using the \"role:\" prefix have been replaced."
                        + " Use \"users\", \"guests\", or \"any\" instead."),
                arguments("share(\"any\")",
                        "Permission \"share(\"any\")\" is not allowed. Must be one of: create, read, update, delete, write."),
                arguments("readx(\"any\")", "Invalid permission type: \"readx\"."),
                arguments("read(any)", "Invalid permission string format: \"read(any)\"."),
                arguments("read(\"any\"", "Invalid permission string format: \"read(\"any\"\"."),
                arguments("read(\"any\") ", "Invalid permission string format: \"read(\"any\") \"."),
                arguments("read(\")", "Invalid permission string format: \"read(\")\"."),
                arguments("read(\"a(\"b\")", "Invalid permission string format: \"read(\"a(\"b\")\"."),
                arguments("read(\"\")", "Role \"\" is not allowed. Must be one of: " + ROLES + "."),
                arguments("read(\"anyy\")", "Role \"anyy\" is not allowed. Must be one of: " + ROLES + "."),
                arguments("read(\"memer:123abc\")", "Role \"memer\" is not allowed. Must be one of: " + ROLES + "."),
                arguments("read(\"any:abc\")", "Role \"any\" can not have an ID value."),
                arguments("read(\"users:abc\")", "Role \"users\" can not have an ID value."),
                arguments("read(\"member:\")", "Role \"member\" must have an ID value."),
                arguments("read(\"user:\")", "Role \"user\" must have an ID value."),
                arguments("read(\"team:/owner\")", "Role \"team\" must have an ID value."),
                arguments("read(\"label:\")", "Role \"label\" must have an ID value."),
                arguments("read(\"user:_1234\")", "Role \"user\" identifier value is invalid: " + KEY_36),
                arguments("read(\"team:-1234\")", "Role \"team\" identifier value is invalid: " + KEY_36),
                arguments("read(\"member:.1234\")", "Role \"member\" identifier value is invalid: " + KEY_36),
                arguments("read(\"user:12$4\")", "Role \"user\" identifier value is invalid: " + KEY_36),
                arguments("read(\"user:" + "a".repeat(37) + "\")",
                        "Role \"user\" identifier value is invalid: " + KEY_36),
                arguments("read(\"user:a:b\")", "Role \"user\" identifier value is invalid: " + KEY_36),
                arguments("read(\"label:vip-1\")", "Role \"label\" identifier value is invalid: " + LABEL),
                arguments("read(\"users/\")", "Dimension must not be empty"),
                arguments("read(\"team:abcd/\")", "Dimension must not be empty"),
                arguments("read(\"team:abcd//efgh\")", "Only one dimension can be provided"),
                arguments("read(\"team:abcd/e/fgh\")", "Only one dimension can be provided"),
                arguments("read(\"users/verified/x\")", "Only one dimension can be provided"),
                arguments("read(\"guests/verified\")", "Role \"guests\" can not have a dimension value."),
                arguments("read(\"member:m1/owner\")", "Role \"member\" can not have a dimension value."),
                arguments("read(\"label:vip/x\")", "Role \"label\" can not have a dimension value."),
                arguments("read(\"users/admin\")",
                        "Role \"users\" dimension value is invalid. Must be one of: verified, unverified."),
                arguments("read(\"user:u1/admin\")",
                        "Role \"user\" dimension value is invalid. Must be one of: verified, unverified."),
                arguments("read(\"team:abcd/ef*gh\")", "Role \"team\" dimension value is invalid: " + KEY_81),
                arguments("read(\"team:abcd/" + "a".repeat(82) + "\")",
                        "Role \"team\" dimension value is invalid: " + KEY_81));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPermissions")
    void aMalformedCollectionPermissionIsRefusedWithAppwritesMessage(String permission, String description) {
        PermissionException e = assertThrows(PermissionException.class,
                () -> Permissions.forCollection(List.of(permission)));
        assertEquals("Invalid `permissions` param: " + description, e.getMessage());
        assertEquals("general_argument_invalid", e.getType());
        assertEquals(400, e.getCode());
    }

    @Test
    void aDimensionOf81CharsIsAccepted() {
        String role = Role.team("abcd", "a".repeat(81));
        assertEquals(role, Permissions.forCollection(List.of(Permission.read(role))).get(0).role());
    }

    @Test
    void aDocumentRefusesCreate() {
        PermissionException e = assertThrows(PermissionException.class,
                () -> Permissions.forDocument(List.of(Permission.read("any"), Permission.create("any"))));
        assertEquals("Invalid `permissions` param: Permission \"create(\"any\")\" is not allowed."
                + " Must be one of: read, update, delete, write.", e.getMessage());
        assertEquals("general_argument_invalid", e.getType());
        assertEquals(400, e.getCode());
    }

    @Test
    void aDocumentListsItsOwnTypesWhenATypeIsUnknown() {
        PermissionException e = assertThrows(PermissionException.class,
                () -> Permissions.forDocument(List.of("i dont work")));
        assertEquals("Invalid `permissions` param: Permission \"i dont work\" is not allowed."
                + " Must be one of: read, update, delete, write.", e.getMessage());
    }
}
