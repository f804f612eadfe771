package dev.quire.permissions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PermissionsPropertiesTest {

    private static final String ID_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String ID_CHARS = ID_START + "._-";

    /** A few roles that differ by one character or one part, so near misses are common. */
    private static final List<String> ROLE_POOL = List.of("any", "guests", "users", "users/verified",
            "users/unverified", "user:alice", "user:alice/verified", "user:alice/unverified", "user:alice.",
            "user:bob", "team:t1", "team:t1/owner", "team:t2", "member:m1", "label:vip", "label:VIP");

    private static final List<PermissionType> ACTIONS = List.of(PermissionType.READ, PermissionType.CREATE,
            PermissionType.UPDATE, PermissionType.DELETE);

    private static Gen<String> fromAlphabet(String alphabet, int min, int max) {
        return lists().of(integers().between(0, alphabet.length() - 1).map(alphabet::charAt))
                .ofSizeBetween(min, max)
                .map((List<Character> chars) -> {
                    StringBuilder s = new StringBuilder();
                    chars.forEach(s::append);
                    return s.toString();
                });
    }

    private static Gen<String> validIds(int maxLength) {
        return fromAlphabet(ID_START, 1, 1).zip(fromAlphabet(ID_CHARS, 0, maxLength - 1), String::concat);
    }

    /** Any role Appwrite accepts, in canonical form. */
    private static Gen<String> validRoles() {
        Gen<String> status = arbitrary().pick("verified", "unverified");
        Gen<String> ids = validIds(Syntax.ID_MAX_LENGTH);
        return Generate.oneOf(
                arbitrary().pick("any", "guests", "users"),
                status.map(Role::users),
                ids.map((String id) -> Role.user(id)),
                ids.zip(status, Role::user),
                ids.map((String id) -> Role.team(id)),
                ids.zip(validIds(Syntax.DIMENSION_MAX_LENGTH), Role::team),
                ids.map(Role::member),
                fromAlphabet(ID_START, 1, Syntax.ID_MAX_LENGTH).map(Role::label));
    }

    private static Gen<Grant> grants() {
        return arbitrary().pick(ACTIONS).zip(arbitrary().pick(ROLE_POOL), Grant::new);
    }

    /** Strings made of the permission grammar's own pieces, so many are almost valid. */
    private static Gen<String> nearMisses() {
        Gen<String> piece = arbitrary().pick("read", "create", "update", "delete", "write", "(\"", "\")", "(", ")",
                "\"", "any", "users", "user", "team", "member", "label", ":", "/", "verified", "owner", "*",
                "role:", "u1", "_", "-", ".", "$", " ", "", "a".repeat(40));
        return lists().of(piece).ofSizeBetween(0, 8).map(pieces -> String.join("", pieces));
    }

    /** A type, an opening, a role-like middle and a closing, each possibly slightly wrong. */
    private static Gen<String> framedNearMisses() {
        Gen<String> type = arbitrary().pick("read", "create", "update", "delete", "write", "readx", "Read", "");
        Gen<String> open = arbitrary().pick("(\"", "(", "\"", "(\")", "(\"(\"", "");
        Gen<String> middle = Generate.oneOf(validRoles(), nearMisses(), arbitrary().pick("", "*", "any:", "user:"));
        Gen<String> close = arbitrary().pick("\")", ")", "\"", "", "\")\")", "\") ");
        return type.zip(open, middle, close, (t, o, m, c) -> t + o + m + c);
    }

    private static Gen<String> anyStrings() {
        return Generate.oneOf(framedNearMisses(), nearMisses(), strings().allPossible().ofLengthBetween(0, 30),
                validRoles().map(Permission::read));
    }

    private static boolean reference(Set<String> roles, PermissionType action, List<Grant> collection,
            boolean documentSecurity, List<Grant> document) {
        boolean inCollection = collection.stream().anyMatch(g -> g.type() == action && roles.contains(g.role()));
        boolean inDocument = document.stream().anyMatch(g -> g.type() == action && roles.contains(g.role()));
        return inCollection || (documentSecurity && inDocument);
    }

    /** One access decision to make: who asks, for what, and what the collection and document grant. */
    private record Request(Set<String> roles, PermissionType action, List<Grant> collection,
            boolean documentSecurity, List<Grant> document) {
    }

    @Test
    void allowsMatchesTheReferenceRule() {
        Gen<Set<String>> roleSets = lists().of(arbitrary().pick(ROLE_POOL)).ofSizeBetween(0, 6)
                .map((List<String> roles) -> Set.copyOf(roles));
        Gen<Request> requests = roleSets.zip(arbitrary().pick(ACTIONS), lists().of(grants()).ofSizeBetween(0, 6),
                booleans().all(), lists().of(grants()).ofSizeBetween(0, 6), Request::new);
        qt().withExamples(5000).forAll(requests).checkAssert(r -> assertEquals(
                reference(r.roles(), r.action(), r.collection(), r.documentSecurity(), r.document()),
                Permissions.allows(r.roles(), r.action(), r.collection(), r.documentSecurity(), r.document())));
    }

    @Test
    void randomStringsForACollectionGiveAValidListOrAPermissionException() {
        checkOnlyValidOrPermissionException(Permissions::forCollection, false);
    }

    @Test
    void randomStringsForADocumentGiveAValidListOrAPermissionException() {
        checkOnlyValidOrPermissionException(Permissions::forDocument, true);
    }

    private static void checkOnlyValidOrPermissionException(Function<List<String>, List<Grant>> parser,
            boolean document) {
        qt().withExamples(3000).forAll(lists().of(anyStrings()).ofSizeBetween(0, 4)).checkAssert(input -> {
            List<Grant> grants;
            try {
                grants = parser.apply(input);
            } catch (PermissionException e) {
                assertEquals(PermissionException.GENERAL_ARGUMENT_INVALID, e.getType());
                assertEquals(400, e.getCode());
                assertTrue(e.getMessage().startsWith("Invalid `permissions` param: "), e.getMessage());
                return;
            }
            assertEquals(new HashSet<>(grants).size(), grants.size(), "no duplicates");
            for (Grant grant : grants) {
                assertNotEquals(PermissionType.WRITE, grant.type());
                if (document) {
                    assertNotEquals(PermissionType.CREATE, grant.type());
                }
            }
            // A valid result is stable: parsing its own strings gives it back.
            assertEquals(grants, parser.apply(Permissions.toStrings(grants)));
        });
    }

    @Test
    void everyValidRoleRoundTripsThroughForCollection() {
        qt().forAll(validRoles(), arbitrary().pick(ACTIONS)).checkAssert((role, action) -> {
            String permission = action.wireName() + "(\"" + role + "\")";
            List<Grant> grants = Permissions.forCollection(List.of(permission));
            assertEquals(List.of(new Grant(action, role)), grants);
            assertEquals(List.of(permission), Permissions.toStrings(grants));
        });
    }

    @Test
    void permissionBuildersRoundTripThroughForCollection() {
        qt().forAll(validRoles()).checkAssert(role -> {
            assertEquals(List.of(Permission.read(role)),
                    Permissions.toStrings(Permissions.forCollection(List.of(Permission.read(role)))));
            assertEquals(List.of(Permission.create(role), Permission.update(role), Permission.delete(role)),
                    Permissions.toStrings(Permissions.forCollection(List.of(Permission.write(role)))));
        });
    }

    @Test
    void everyRoleACallerHoldsCanBeGrantedByThatCaller() {
        Gen<Caller> callers = validIds(Syntax.ID_MAX_LENGTH)
                .zip(booleans().all(), validIds(Syntax.ID_MAX_LENGTH), validIds(Syntax.DIMENSION_MAX_LENGTH),
                        (user, verified, team, teamRole) -> {
                            Caller caller = Caller.user(user).team(team, teamRole).member(team).label("vip");
                            return verified ? caller.verified() : caller;
                        });
        qt().forAll(callers).checkAssert(caller -> {
            List<String> permissions = caller.roles().stream().map(Permission::read).toList();
            List<Grant> grants = Permissions.forDocument(permissions);
            assertEquals(permissions, Permissions.toStrings(grants));
            assertDoesNotThrow(() -> Permissions.checkGrantable(grants, caller));
        });
    }
}
