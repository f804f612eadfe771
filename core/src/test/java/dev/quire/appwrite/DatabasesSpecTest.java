package dev.quire.appwrite;

import dev.quire.Database;
import dev.quire.Databases;
import dev.quire.DatabaseList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Databases, as Appwrite's own e2e tests specify them (Appwrite 1.8.1, tests/e2e/Services/Databases/Legacy/). */
class DatabasesSpecTest {
    private Databases db;

    @BeforeEach
    void open() {
        db = Databases.inMemory();
    }

    @AfterEach
    void close() {
        db.close();
    }

    // DatabasesCustomServerTest::testUpdateDatabase
    @Test
    void updatingWithoutEnabledEnablesTheDatabaseAgain() {
        db.create("first", "Test 1");

        Database disabled = db.update("first", "Test 1 Updated", false);
        Database again = db.update("first", "Test 1", null);

        assertEquals("Test 1 Updated", disabled.getName());
        assertFalse(disabled.isEnabled());
        assertEquals("Test 1", again.getName());
        assertTrue(again.isEnabled());
        assertTrue(db.get("first").isEnabled());
    }

    // DatabasesCustomServerTest::testListDatabases (total=false)
    @Test
    void aListWithoutItsTotalReportsZero() {
        db.create("first", "Test 1");
        db.create("second", "Test 2");

        DatabaseList list = db.list(List.of(), false);

        assertEquals(0, list.getTotal());
        assertEquals(2, list.getDatabases().size());
        assertEquals(2, db.list(List.of()).getTotal());
    }

    // DatabasesCustomServerTest::testDeleteDatabase
    @Test
    void aDeletedDatabaseIsNotFound() {
        db.create("first", "Test 1");
        db.delete("first");

        assertError("database_not_found", 404, () -> db.get("first"));
    }
}
