package dev.quire;

import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.PermissionException;
import dev.quire.query.QueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Databases.builder()}: the one way to open a store, which {@code open} and {@code inMemory} shorten. */
class BuilderTest {
    @TempDir
    Path directory;

    @Test
    void aBuilderWithAPathOpensTheFileStoreThatOpenOpens() {
        Path path = directory.resolve("store");
        try (Databases db = Databases.builder().path(path).build()) {
            db.create("app", "App");
        }

        assertTrue(Files.isRegularFile(directory.resolve("store.mv.db")));
        try (Databases db = Databases.open(path)) {
            assertEquals("App", db.get("app").getName());
        }
    }

    @Test
    void aBuilderInMemoryOpensAPrivateStore() {
        try (Databases first = Databases.builder().inMemory().build();
             Databases second = Databases.builder().inMemory().build()) {
            first.create("app", "App");

            assertEquals(0, second.list(List.of()).getTotal());
        }
    }

    @Test
    void aBuilderThatChoseNoStoreIsRefusedAtBuild() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Databases.builder().build());

        assertTrue(e.getMessage().contains("path(...) or inMemory()"), e.getMessage());
    }

    @Test
    void aBuilderThatChoseBothStoresIsRefusedAtBuild() {
        assertThrows(IllegalStateException.class,
                () -> Databases.builder().path(directory.resolve("store")).inMemory().build());
    }

    @Test
    void aNullPathIsRefusedWhereItIsGiven() {
        assertThrows(NullPointerException.class, () -> Databases.builder().path(null));
    }

    @Test
    void aBadQueryAndABadPermissionAreQuireExceptions() {
        try (Databases db = Databases.inMemory()) {
            db.create("app", "App");

            QuireException query = assertThrows(QuireException.class, () -> db.list(List.of("nonsense")));
            QuireException permission = assertThrows(QuireException.class,
                    () -> db.createCollection("app", "c", "C", List.of("read(\"nobody:x\")"), false, true));
            QuireException grant = assertThrows(QuireException.class,
                    () -> db.as(Caller.user("u1")).createCollection("app", "c", "C", List.of(Permission.read("any")),
                            false, true));

            assertTrue(query instanceof QueryException, query.getClass().getName());
            assertEquals("general_query_invalid", query.getType());
            assertTrue(permission instanceof PermissionException, permission.getClass().getName());
            assertEquals("general_argument_invalid", permission.getType());
            assertEquals(401, grant.getCode());
        }
    }
}
