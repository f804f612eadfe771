package dev.quire;

import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening, closing and reopening file stores. */
class StoreLifecycleTest {
    @TempDir
    Path directory;

    @Test
    void reopeningAClosedStoreKeepsEverything() {
        Path path = directory.resolve("store");
        Document written;
        try (Databases db = Databases.open(path)) {
            db.create("app", "App");
            db.createCollection("app", "movies", "Movies", List.of(Permission.read(Role.any())), true, true);
            db.createStringAttribute("app", "movies", "title", 10, true, null, false);
            db.createStringAttribute("app", "movies", "genres", 10, false, null, true);
            written = db.createDocument("app", "movies", "up", Map.of("title", "Up", "genres", List.of("a")),
                    List.of(Permission.read(Role.user("u1"))));
        }

        try (Databases db = Databases.open(path)) {
            assertEquals(written, db.getDocument("app", "movies", "up"));
            assertEquals(List.of("read(\"any\")"), db.getCollection("app", "movies").getPermissions());
            assertEquals(2, db.getCollection("app", "movies").getAttributes().size());
        }
    }

    @Test
    void theStoreIsOneFileNamedAfterThePath() {
        try (Databases db = Databases.open(directory.resolve("nested/dir/store"))) {
            db.create("app", "App");
        }

        assertTrue(Files.isRegularFile(directory.resolve("nested/dir/store.mv.db")));
    }

    @Test
    void openingOnePathTwiceSharesOneStoreUntilTheLastHandleCloses() {
        Path path = directory.resolve("store");
        Databases first = Databases.open(path);
        Databases second = Databases.open(path);

        first.create("app", "App");
        first.close();
        first.close();

        assertEquals("App", second.get("app").getName());
        second.close();
        assertError("store_closed", 503, () -> second.get("app"));
    }

    @Test
    void aClosedHandleAndTheViewsOfAClosedStoreSayStoreClosed() {
        Databases db = Databases.open(directory.resolve("store"));
        Databases guest = db.as(dev.quire.permissions.Caller.guest());
        db.create("app", "App");
        db.close();

        QuireException e = assertError("store_closed", 503, () -> db.get("app"));
        assertTrue(e.getMessage().endsWith("is closed."), e.getMessage());
        assertError("store_closed", 503, () -> guest.listDocuments("app", "movies", null));
        Databases memory = Databases.inMemory();
        memory.close();
        assertError("store_closed", 503, () -> memory.list(null));
    }

    @Test
    void aPathEndingInTheH2ExtensionNamesTheFileItself() {
        try (Databases db = Databases.open(directory.resolve("notes.mv.db"))) {
            db.create("app", "App");
        }

        assertTrue(Files.isRegularFile(directory.resolve("notes.mv.db")));
        assertTrue(Files.notExists(directory.resolve("notes.mv.db.mv.db")));
        try (Databases db = Databases.open(directory.resolve("notes"))) {
            assertEquals("App", db.get("app").getName());
        }
    }

    @Test
    void withAndWithoutTheExtensionOnePathSharesOneStoreInOneJvm() {
        try (Databases bare = Databases.open(directory.resolve("notes"));
             Databases full = Databases.open(directory.resolve("notes.mv.db"))) {
            bare.create("app", "App");
            assertEquals("App", full.get("app").getName());
        }
    }

    @Test
    void aBackupPathEndingInTheH2ExtensionNamesTheCopyItself() {
        try (Databases db = Databases.open(directory.resolve("notes"))) {
            db.create("app", "App");
            db.backup(directory.resolve("copy.mv.db"));
        }

        assertTrue(Files.isRegularFile(directory.resolve("copy.mv.db")));
        assertTrue(Files.notExists(directory.resolve("copy.mv.db.mv.db")));
    }

    @Test
    void anyOtherExtensionIsKeptAndH2sIsAppended() {
        try (Databases db = Databases.open(directory.resolve("notes.db"))) {
            db.create("app", "App");
        }

        assertTrue(Files.isRegularFile(directory.resolve("notes.db.mv.db")));
    }

    @Test
    void aStoreInUseByAnotherProcessIsRefusedClearly() throws Exception {
        Path path = directory.resolve("store");
        try (Databases db = Databases.open(path)) {
            db.create("app", "App");
        }
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), path.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", output.readLine());

            QuireException e = assertError("store_in_use", 409, () -> Databases.open(path));
            assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (Databases db = Databases.open(path)) {
            assertEquals("App", db.get("app").getName());
        }
    }

    /** Holds a store open in a second process until its standard input closes. */
    static final class Holder {
        public static void main(String[] args) throws Exception {
            try (Databases db = Databases.open(Path.of(args[0]))) {
                db.get("app");
                System.out.println("ready");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent
                }
            }
        }
    }
}
