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
import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(StoreKind.class)
class DatabasesAndCollectionsTest {
    private final StoreKind kind;
    @TempDir
    Path directory;
    private Databases db;

    DatabasesAndCollectionsTest(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void open() {
        db = kind.open(directory);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createdDatabaseCanBeReadListedUpdatedAndDeleted() {
        Database created = db.create("app", "App");

        assertEquals(created, db.get("app"));
        assertTrue(created.isEnabled());
        assertEquals(List.of(created), db.list(List.of()).getDatabases());

        Database renamed = db.update("app", "Renamed", false);
        assertEquals("Renamed", renamed.getName());
        assertFalse(db.get("app").isEnabled());
        assertEquals(created.getCreatedAt(), renamed.getCreatedAt());

        db.delete("app");
        assertError("database_not_found", 404, () -> db.get("app"));
    }

    @Test
    void databaseIdsAreUniqueRegardlessOfCase() {
        db.create("app", "App");

        assertError("database_already_exists", 409, () -> db.create("APP", "Other"));
    }

    @Test
    void databaseNeedsAValidIdAndName() {
        assertError("general_argument_invalid", 400, () -> db.create("-bad", "App"));
        assertError("general_argument_invalid", 400, () -> db.create("app", ""));
        assertError("general_argument_invalid", 400, () -> db.create("app", "x".repeat(129)));
        assertEquals(0, db.list(List.of()).getTotal());
    }

    @Test
    void databasesAreListedWithQueries() {
        db.create("a", "Alpha");
        db.create("b", "Beta");
        db.create("c", "Gamma", false);

        assertEquals(List.of("b", "a"), db.list(List.of(Query.equal("enabled", true), Query.orderDesc("name")))
                .getDatabases().stream().map(Database::getId).toList());
        assertEquals(3, db.list(List.of(Query.limit(1))).getTotal());
        assertEquals(List.of("b"), db.list(List.of(Query.cursorAfter("a"), Query.limit(1)))
                .getDatabases().stream().map(Database::getId).toList());
    }

    @Test
    void cursorOnAMissingDatabaseIsNamedInTheError() {
        assertError("general_cursor_not_found", 400, "Database 'nope' for the 'cursor' value not found.",
                () -> db.list(List.of(Query.cursorAfter("nope"))));
    }

    @Test
    void unknownQueryFieldIsAQueryError() {
        assertError("general_query_invalid", 400, () -> db.list(List.of(Query.equal("secret", "x"))));
    }

    @Test
    void createdCollectionCarriesItsSettings() {
        db.create("app", "App");

        Collection movies = db.createCollection("app", "movies", "Movies",
                List.of(Permission.read(Role.any()), Permission.write(Role.users())), true, true);

        assertEquals("movies", movies.getId());
        assertEquals("app", movies.getDatabaseId());
        assertTrue(movies.isDocumentSecurity());
        assertEquals(List.of("read(\"any\")", "create(\"users\")", "update(\"users\")", "delete(\"users\")"),
                movies.getPermissions());
        assertEquals(movies, db.getCollection("app", "movies"));
    }

    @Test
    void collectionUpdateKeepsOmittedPermissionsAndResetsOmittedFlagsAsAppwriteDoes() {
        db.create("app", "App");
        db.createCollection("app", "movies", "Movies", List.of(Permission.read(Role.any())), true, true);

        Collection updated = db.updateCollection("app", "movies", "Films", null, null, false);

        assertEquals("Films", updated.getName());
        assertEquals(List.of("read(\"any\")"), updated.getPermissions());
        assertFalse(updated.isDocumentSecurity());
        assertFalse(updated.isEnabled());
    }

    @Test
    void collectionIdsAreUniquePerDatabaseRegardlessOfCase() {
        db.create("app", "App");
        db.create("other", "Other");
        db.createCollection("app", "movies", "Movies");

        assertError("collection_already_exists", 409, () -> db.createCollection("app", "Movies", "Again"));
        assertEquals("movies", db.createCollection("other", "movies", "Movies").getId());
    }

    @Test
    void collectionWithInvalidPermissionsIsNotCreated() {
        db.create("app", "App");

        assertError("general_argument_invalid", 400,
                () -> db.createCollection("app", "movies", "Movies", List.of("i dont work"), false, true));
        assertError("collection_not_found", 404, () -> db.getCollection("app", "movies"));
    }

    @Test
    void collectionsAreListedWithQueries() {
        db.create("app", "App");
        db.createCollection("app", "a", "Alpha", null, true, true);
        db.createCollection("app", "b", "Beta", null, false, true);

        CollectionList secured = db.listCollections("app", List.of(Query.equal("documentSecurity", true)));

        assertEquals(1, secured.getTotal());
        assertEquals("a", secured.getCollections().get(0).getId());
    }

    @Test
    void deletingACollectionRemovesItsDocuments() {
        db.create("app", "App");
        db.createCollection("app", "movies", "Movies");
        db.createStringAttribute("app", "movies", "title", 10, false, null, false);
        db.createDocument("app", "movies", "up", Map.of("title", "Up"), null);

        db.deleteCollection("app", "movies");

        assertError("collection_not_found", 404, () -> db.getDocument("app", "movies", "up"));
        db.createCollection("app", "movies", "Movies");
        assertEquals(0, db.listDocuments("app", "movies", List.of()).getTotal());
    }

    @Test
    void deletingADatabaseRemovesItsCollectionsAndDocuments() {
        db.create("app", "App");
        db.createCollection("app", "movies", "Movies");
        db.createStringAttribute("app", "movies", "title", 10, false, null, false);
        db.createDocument("app", "movies", "up", Map.of("title", "Up"), null);

        db.delete("app");

        assertError("database_not_found", 404, () -> db.getCollection("app", "movies"));
        db.create("app", "App");
        assertEquals(0, db.listCollections("app", List.of()).getTotal());
    }

    @Test
    void sqlKeywordsWorkAsIds() {
        db.create("select", "Select");
        db.createCollection("select", "from", "From");
        db.createStringAttribute("select", "from", "order", 10, false, null, false);
        db.createIntegerAttribute("select", "from", "group", false, null, null, null, false);

        db.createDocument("select", "from", "where", Map.of("order", "by", "group", 1), null);

        assertEquals("by", db.listDocuments("select", "from",
                List.of(Query.equal("group", 1), Query.orderAsc("order"))).getDocuments().get(0).get("order"));
    }

    @Test
    void managementIsForTheRootHandleOnly() {
        db.create("app", "App");
        db.createCollection("app", "movies", "Movies");
        Databases user = db.as(Caller.user("u1"));

        assertError("general_unauthorized_scope", 401, "User (role: users) missing scope (databases.write)",
                () -> user.create("other", "Other"));
        assertError("general_unauthorized_scope", 401, "User (role: users) missing scope (collections.read)",
                () -> user.getCollection("app", "movies"));
        assertError("general_unauthorized_scope", 401, "User (role: users) missing scope (attributes.write)",
                () -> user.createStringAttribute("app", "movies", "title", 10, false, null, false));
        assertError("general_unauthorized_scope", 401, "User (role: guests) missing scope (collections.write)",
                () -> db.as(Caller.guest()).deleteCollection("app", "movies"));
    }

    @Test
    void disabledDatabasesAndCollectionsLookMissingToCallers() {
        db.create("app", "App");
        db.createCollection("app", "open", "Open", List.of(Permission.read(Role.any())), false, true);
        db.createCollection("app", "closed", "Closed", List.of(Permission.read(Role.any())), false, false);
        Databases guest = db.as(Caller.guest());

        assertError("collection_not_found", 404, () -> guest.listDocuments("app", "closed", List.of()));
        assertEquals(0, db.listDocuments("app", "closed", List.of()).getTotal());

        db.update("app", null, false);
        assertError("database_not_found", 404, () -> guest.listDocuments("app", "open", List.of()));
    }
}
