package dev.quire.appwrite;

import dev.quire.Collection;
import dev.quire.Databases;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Collections, attributes and indexes as Appwrite's e2e tests specify them (Appwrite 1.8.1,
 * tests/e2e/Services/Databases/Legacy/; the collection update rules from
 * src/Appwrite/Platform/Modules/Databases/Http/Databases/Collections/Update.php).
 */
class CollectionsSpecTest {
    private Databases db;

    @BeforeEach
    void open() {
        db = Databases.inMemory();
        db.create("app", "App");
        db.createCollection("app", "first", "Test 1", List.of(Permission.read(Role.any())), true, true);
    }

    @AfterEach
    void close() {
        db.close();
    }

    // DatabasesCustomServerTest::testUpdateCollection
    @Test
    void anUpdateSetsNameAndEnabled() {
        Collection updated = db.updateCollection("app", "first", "Test 1 Updated", null, null, false);

        assertEquals("Test 1 Updated", updated.getName());
        assertEquals("first", updated.getId());
        assertFalse(updated.isEnabled());
    }

    // Collections/Update.php: documentSecurity defaults to false and enabled to true; permissions are inherited
    @Test
    void omittedFlagsTakeAppwritesDefaultsAndOmittedPermissionsAreKept() {
        db.updateCollection("app", "first", "Test 1", null, true, false);

        Collection updated = db.updateCollection("app", "first", "Test 1", null, null, null);

        assertFalse(updated.isDocumentSecurity());
        assertTrue(updated.isEnabled());
        assertEquals(List.of(Permission.read(Role.any())), updated.getPermissions());
        assertEquals(updated, db.getCollection("app", "first"));
    }

    // DatabasesCustomServerTest::testListCollections, DatabasesBase::testListAttributes, testListIndexes (total=false)
    @Test
    void listsWithoutTheirTotalReportZeroAndStillHoldTheirItems() {
        db.createStringAttribute("app", "first", "title", 10, false, null, false);
        db.createIndex("app", "first", "by_title", dev.quire.IndexType.KEY, List.of("title"), null, null);

        assertEquals(0, db.listCollections("app", null, false).getTotal());
        assertEquals(1, db.listCollections("app", null, false).getCollections().size());
        assertEquals(0, db.listAttributes("app", "first", null, false).getTotal());
        assertEquals(1, db.listAttributes("app", "first", null, false).getAttributes().size());
        assertEquals(0, db.listIndexes("app", "first", null, false).getTotal());
        assertEquals(1, db.listIndexes("app", "first", null, false).getIndexes().size());
        assertEquals(1, db.listAttributes("app", "first", null).getTotal());
    }
}
