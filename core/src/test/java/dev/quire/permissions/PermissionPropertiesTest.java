package dev.quire.permissions;

import static dev.quire.permissions.PermissionFixture.DB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.QuireException;
import dev.quire.query.Query;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random collections (documentSecurity on or off, random permissions), random documents with random
 * permissions and random callers: every create, get, list (page and total), update (changing and no-op) and
 * delete decision Quire makes matches the reference below, which restates issue 4's rules from scratch:
 * its own role sets, its own permission-string reading, its own union.
 *
 * <p>One store serves the whole run; each example gets a fresh collection in it.
 */
class PermissionPropertiesTest {
    private static final int EXAMPLES = 60;

    /** Roles that differ from each other by one character or one part, so near misses are common. */
    private static final List<String> ROLES = List.of("any", "guests", "users", "users/verified",
            "users/unverified", "user:alice", "user:alice.", "user:Alice", "user:bob", "user:alice/verified",
            "user:alice/unverified", "user:bob/verified", "team:t1", "team:t1/owner", "team:t1/editor", "team:t2",
            "team:t2/owner", "member:m1", "member:m2", "label:vip", "label:VIP");

    // ---- the reference ---------------------------------------------------------------------------------

    private static final String[] USERS = {null, "alice", "alice.", "Alice", "bob"};
    private static final String[][][] TEAMS = {{}, {{"t1"}}, {{"t1", "owner"}}, {{"t1", "editor"}},
            {{"t1", "owner", "editor"}}, {{"t2", "owner"}}, {{"t1", "owner"}, {"t2"}}};
    private static final String[] MEMBERS = {null, "m1", "m2"};
    private static final String[] LABELS = {null, "vip", "VIP"};

    /** A caller as the test sees it: who it is, and the roles the issue says it holds. */
    record CallerSpec(String user, boolean verified, int teams, String member, String label) {
        static CallerSpec decode(int code) {
            int user = code % USERS.length;
            code /= USERS.length;
            boolean verified = code % 2 == 1;
            code /= 2;
            int teams = code % TEAMS.length;
            code /= TEAMS.length;
            String member = MEMBERS[code % MEMBERS.length];
            code /= MEMBERS.length;
            String label = LABELS[code % LABELS.length];
            return USERS[user] == null ? new CallerSpec(null, false, 0, null, null)
                    : new CallerSpec(USERS[user], verified, teams, member, label);
        }

        static final int CODES = USERS.length * 2 * TEAMS.length * MEMBERS.length * LABELS.length;

        Set<String> roles() {
            Set<String> roles = new LinkedHashSet<>();
            roles.add("any");
            if (user == null) {
                roles.add("guests");
                return roles;
            }
            String status = verified ? "verified" : "unverified";
            roles.add("users");
            roles.add("users/" + status);
            roles.add("user:" + user);
            roles.add("user:" + user + "/" + status);
            for (String[] team : TEAMS[teams]) {
                roles.add("team:" + team[0]);
                for (int i = 1; i < team.length; i++) {
                    roles.add("team:" + team[0] + "/" + team[i]);
                }
            }
            if (member != null) {
                roles.add("member:" + member);
            }
            if (label != null) {
                roles.add("label:" + label);
            }
            return roles;
        }

        Caller toCaller() {
            if (user == null) {
                return Caller.guest();
            }
            Caller caller = verified ? Caller.user(user).verified() : Caller.user(user);
            for (String[] team : TEAMS[teams]) {
                caller = caller.team(team[0], List.of(team).subList(1, team.length).toArray(String[]::new));
            }
            caller = member == null ? caller : caller.member(member);
            return label == null ? caller : caller.label(label);
        }
    }

    /** The roles a permission list grants an action to; {@code write} counts for the actions it stands for. */
    private static Set<String> granted(List<String> permissions, String action) {
        Set<String> roles = new LinkedHashSet<>();
        for (String permission : permissions) {
            String type = permission.substring(0, permission.indexOf('('));
            String role = permission.substring(permission.indexOf('"') + 1, permission.lastIndexOf('"'));
            if (type.equals(action) || type.equals("write") && !action.equals("read")) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static boolean holdsAny(Set<String> callerRoles, Set<String> granted) {
        return granted.stream().anyMatch(callerRoles::contains);
    }

    /** Collection permissions, or, only with documentSecurity, document permissions. */
    private static boolean allowed(Set<String> roles, String action, Model model, List<String> document) {
        return holdsAny(roles, granted(model.collection, action))
                || model.documentSecurity && holdsAny(roles, granted(document, action));
    }

    /** What the reference knows about one example's collection: its rules and its documents, in order. */
    private static final class Model {
        final boolean documentSecurity;
        final List<String> collection;
        final List<String> ids = new ArrayList<>();
        final List<List<String>> permissions = new ArrayList<>();
        final List<Long> values = new ArrayList<>();

        Model(boolean documentSecurity, List<String> collection) {
            this.documentSecurity = documentSecurity;
            this.collection = collection;
        }

        void add(String id, List<String> documentPermissions) {
            ids.add(id);
            permissions.add(documentPermissions);
            values.add(0L);
        }

        List<String> readableBy(Set<String> roles) {
            List<String> readable = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (allowed(roles, "read", this, permissions.get(i))) {
                    readable.add(ids.get(i));
                }
            }
            return readable;
        }
    }

    // ---- generators ------------------------------------------------------------------------------------

    private static Gen<String> permissionsOf(List<String> types) {
        return arbitrary().pick(types).zip(arbitrary().pick(ROLES), (type, role) -> type + "(\"" + role + "\")");
    }

    private static Gen<List<String>> collectionPermissions() {
        return lists().of(permissionsOf(List.of("read", "create", "update", "delete", "write"))).ofSizeBetween(0, 6);
    }

    private static Gen<List<List<String>>> documents() {
        return lists().of(lists().of(permissionsOf(List.of("read", "update", "delete", "write"))).ofSizeBetween(0, 4))
                .ofSizeBetween(0, 5);
    }

    private static Gen<List<CallerSpec>> callers() {
        return lists().of(integers().between(0, CallerSpec.CODES - 1).map(CallerSpec::decode)).ofSizeBetween(1, 3);
    }

    // ---- the property ----------------------------------------------------------------------------------

    @Test
    void everyDecisionMatchesTheReferenceRules() {
        AtomicInteger collections = new AtomicInteger();
        try (PermissionFixture store = new PermissionFixture()) {
            qt().withExamples(EXAMPLES).withShrinkCycles(40)
                    .forAll(booleans().all(), collectionPermissions(), documents(), callers())
                    .checkAssert((documentSecurity, collectionPermissions, documents, callers) ->
                            check(store.root, "c" + collections.incrementAndGet(), documentSecurity,
                                    collectionPermissions, documents, callers));
        }
    }

    private static void check(Databases root, String c, boolean documentSecurity, List<String> collectionPermissions,
                              List<List<String>> documents, List<CallerSpec> callers) {
        root.createCollection(DB, c, c, collectionPermissions, documentSecurity, true);
        root.createIntegerAttribute(DB, c, "n", false, null, null, null, false);
        Model model = new Model(documentSecurity, collectionPermissions);
        for (int i = 0; i < documents.size(); i++) {
            root.createDocument(DB, c, "d" + i, Map.of("n", 0), documents.get(i));
            model.add("d" + i, documents.get(i));
        }
        long nextValue = 1;
        for (int k = 0; k < callers.size(); k++) {
            CallerSpec spec = callers.get(k);
            Set<String> roles = spec.roles();
            Databases view = root.as(spec.toCaller());
            String context = spec + " " + roles + " on " + c;

            // create, with the default permissions
            String newId = "x" + k;
            if (holdsAny(roles, granted(model.collection, "create"))) {
                List<String> defaults = spec.user() == null ? List.of() : List.of("read(\"user:" + spec.user() + "\")",
                        "update(\"user:" + spec.user() + "\")", "delete(\"user:" + spec.user() + "\")");
                assertEquals(defaults, view.createDocument(DB, c, newId, Map.of("n", 0), null).getPermissions(),
                        context);
                model.add(newId, defaults);
            } else {
                assertError("user_unauthorized", 401, () -> view.createDocument(DB, c, newId, Map.of("n", 0), null),
                        context);
            }

            // get
            for (int i = 0; i < model.ids.size(); i++) {
                String id = model.ids.get(i);
                if (allowed(roles, "read", model, model.permissions.get(i))) {
                    assertEquals(id, view.getDocument(DB, c, id).getId(), context);
                } else {
                    assertError("document_not_found", 404, () -> view.getDocument(DB, c, id), context + " get " + id);
                }
            }

            // list: the page and the total
            if (!holdsAny(roles, granted(model.collection, "read")) && !model.documentSecurity) {
                assertError("user_unauthorized", 401, () -> view.listDocuments(DB, c, List.of(Query.limit(2))),
                        context);
            } else {
                List<String> readable = holdsAny(roles, granted(model.collection, "read")) ? model.ids
                        : model.readableBy(roles);
                DocumentList page = view.listDocuments(DB, c, List.of(Query.limit(2)));
                assertEquals(readable.subList(0, Math.min(2, readable.size())),
                        page.getDocuments().stream().map(Document::getId).toList(), context);
                assertEquals(readable.size(), page.getTotal(), context);
            }

            // update: a change needs update; the same values again need read
            if (!model.ids.isEmpty()) {
                int i = k % model.ids.size();
                String id = model.ids.get(i);
                long value = nextValue++;
                if (allowed(roles, "update", model, model.permissions.get(i))) {
                    assertEquals(value, view.updateDocument(DB, c, id, Map.of("n", value), null).get("n"), context);
                    model.values.set(i, value);
                } else {
                    assertError("user_unauthorized", 401,
                            () -> view.updateDocument(DB, c, id, Map.of("n", value), null), context + " update " + id);
                }
                long current = model.values.get(i);
                assertEquals(current, root.getDocument(DB, c, id).get("n"), context);
                if (allowed(roles, "read", model, model.permissions.get(i))) {
                    assertEquals(current, view.updateDocument(DB, c, id, Map.of("n", current), null).get("n"),
                            context);
                } else {
                    assertError("user_unauthorized", 401,
                            () -> view.updateDocument(DB, c, id, Map.of("n", current), null), context + " no-op " + id);
                }
            }
        }

        // delete: each document by one of the callers
        for (int i = 0; i < model.ids.size(); i++) {
            CallerSpec spec = callers.get(i % callers.size());
            Databases view = root.as(spec.toCaller());
            String id = model.ids.get(i);
            if (allowed(spec.roles(), "delete", model, model.permissions.get(i))) {
                view.deleteDocument(DB, c, id);
                assertError("document_not_found", 404, () -> root.getDocument(DB, c, id), spec + " deleted " + id);
            } else {
                assertError("user_unauthorized", 401, () -> view.deleteDocument(DB, c, id), spec + " delete " + id);
                assertEquals(id, root.getDocument(DB, c, id).getId());
            }
        }
    }

    private static void assertError(String type, int code, org.junit.jupiter.api.function.Executable call,
                                    String context) {
        QuireException e = assertThrows(QuireException.class, call, context);
        assertEquals(type + "/" + code, e.getType() + "/" + e.getCode(), context);
    }
}
