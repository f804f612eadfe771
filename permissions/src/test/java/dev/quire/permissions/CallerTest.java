package dev.quire.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static List<String> roles(Caller caller) {
        return List.copyOf(caller.roles());
    }

    @Test
    void aGuestHoldsAnyAndGuests() {
        assertEquals(List.of("any", "guests"), roles(Caller.guest()));
    }

    @Test
    void aGuestHasNoUserId() {
        assertTrue(Caller.guest().isGuest());
        assertEquals(Optional.empty(), Caller.guest().userId());
    }

    @Test
    void aUserHoldsTheUnverifiedRolesInAppwritesOrder() {
        // Appwrite sets "users" before the roles of Auth::getRoles(), which start with user:ID.
        assertEquals(List.of("any", "users", "user:u1", "user:u1/unverified", "users/unverified"),
                roles(Caller.user("u1")));
    }

    @Test
    void aUserHasTheirId() {
        assertFalse(Caller.user("u1").isGuest());
        assertEquals(Optional.of("u1"), Caller.user("u1").userId());
    }

    @Test
    void aVerifiedUserHoldsTheVerifiedRolesInstead() {
        assertEquals(List.of("any", "users", "user:u1", "user:u1/verified", "users/verified"),
                roles(Caller.user("u1").verified()));
    }

    @Test
    void aGuestCannotBeVerified() {
        assertArgumentInvalid(() -> Caller.guest().verified());
    }

    @Test
    void aTeamWithoutRolesAddsOnlyTheTeam() {
        assertEquals(List.of("any", "users", "user:u1", "user:u1/unverified", "users/unverified", "team:t1"),
                roles(Caller.user("u1").team("t1")));
    }

    @Test
    void aTeamWithRolesAddsTheTeamThenEachRole() {
        assertEquals(List.of("team:t1", "team:t1/owner", "team:t1/editor"),
                roles(Caller.user("u1").team("t1", "owner", "editor")).subList(5, 8));
    }

    @Test
    void aMemberAddsTheMembershipRole() {
        assertTrue(Caller.user("u1").member("m1").roles().contains("member:m1"));
    }

    @Test
    void aMembershipAddsItsRolesInAppwritesOrder() {
        assertEquals(List.of("team:t1", "member:m1", "team:t1/owner"),
                roles(Caller.user("u1").membership("t1", "m1", "owner")).subList(5, 8));
    }

    @Test
    void aLabelAddsTheLabelRole() {
        assertEquals("label:admin", roles(Caller.user("u1").label("admin")).get(5));
    }

    @Test
    void labelsComeAfterTeamsWhateverTheCallOrder() {
        assertEquals(List.of("team:t1", "label:admin"),
                roles(Caller.user("u1").label("admin").team("t1")).subList(5, 7));
    }

    @Test
    void verifyingKeepsTeamsAndLabels() {
        assertEquals(List.of("any", "users", "user:u1", "user:u1/verified", "users/verified", "team:t1", "label:vip"),
                roles(Caller.user("u1").team("t1").label("vip").verified()));
    }

    @Test
    void rolesAreNotRepeated() {
        assertEquals(List.of("team:t1", "team:t1/owner"),
                roles(Caller.user("u1").team("t1", "owner").team("t1", "owner")).subList(5, 7));
    }

    @Test
    void eachMethodReturnsANewCallerAndLeavesTheOriginalAlone() {
        Caller user = Caller.user("u1");
        List<String> before = roles(user);
        Caller changed = user.verified().team("t1", "owner").member("m1").label("vip");
        assertEquals(before, roles(user));
        assertNotEquals(user, changed);
    }

    @Test
    void rolesCannotBeModified() {
        assertThrows(UnsupportedOperationException.class, () -> Caller.user("u1").roles().add("team:t1"));
    }

    @Test
    void theTeamRolesArrayIsCopied() {
        String[] teamRoles = {"owner"};
        Caller caller = Caller.user("u1").team("t1", teamRoles);
        teamRoles[0] = "editor";
        assertTrue(caller.roles().contains("team:t1/owner"));
    }

    @Test
    void callersWithTheSameRolesAreEqual() {
        Caller a = Caller.user("u1").team("t1", "owner");
        Caller b = Caller.user("u1").team("t1", "owner");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(Caller.user("u1"), Caller.user("u1").verified());
        assertNotEquals(Caller.guest(), Caller.user("u1"));
    }

    @Test
    void toStringListsTheRoles() {
        assertEquals("Caller[any, guests]", Caller.guest().toString());
    }

    @Test
    void aGuestCannotJoinTeamsOrCarryLabels() {
        assertEquals("Invalid `caller` param: a guest cannot have a team; start from Caller.user(id)",
                assertArgumentInvalid(() -> Caller.guest().team("t1")));
        assertArgumentInvalid(() -> Caller.guest().member("m1"));
        assertArgumentInvalid(() -> Caller.guest().label("vip"));
    }

    @Test
    void nullArgumentsAreRefusedWithAClearMessage() {
        assertEquals("Param \"id\" is not optional.", assertArgumentInvalid(() -> Caller.user(null)));
        assertEquals("Param \"teamId\" is not optional.", assertArgumentInvalid(() -> Caller.user("u1").team(null)));
        assertEquals("Param \"roles\" is not optional.",
                assertArgumentInvalid(() -> Caller.user("u1").team("t1", (String) null)));
        assertEquals("Param \"membershipId\" is not optional.", assertArgumentInvalid(() -> Caller.user("u1").member(null)));
        assertEquals("Param \"label\" is not optional.", assertArgumentInvalid(() -> Caller.user("u1").label(null)));
    }

    @Test
    void anInvalidIdIsRefusedWithAppwritesRule() {
        assertEquals("Invalid `id` param: Parameter must contain at most 36 chars. Valid chars are a-z, A-Z,"
                + " 0-9, period, hyphen, and underscore. Can't start with a special char",
                assertArgumentInvalid(() -> Caller.user("_u1")));
        assertArgumentInvalid(() -> Caller.user("a".repeat(37)));
        assertArgumentInvalid(() -> Caller.user(""));
        assertArgumentInvalid(() -> Caller.user("u1").team("t 1"));
        assertArgumentInvalid(() -> Caller.user("u1").team("t1", "own/er"));
        assertArgumentInvalid(() -> Caller.user("u1").member("m:1"));
    }

    @Test
    void aLabelMustBeAlphanumeric() {
        assertEquals("Invalid `label` param: Value must be a valid string between 1 and 36 chars containing"
                + " only alphanumeric chars", assertArgumentInvalid(() -> Caller.user("u1").label("vip-1")));
    }

    /** @return the message of the {@code general_argument_invalid} the call throws */
    private static String assertArgumentInvalid(org.junit.jupiter.api.function.Executable call) {
        PermissionException e = assertThrows(PermissionException.class, call);
        assertEquals("general_argument_invalid", e.getType());
        assertEquals(400, e.getCode());
        return e.getMessage();
    }
}
