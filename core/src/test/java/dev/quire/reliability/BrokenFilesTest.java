package dev.quire.reliability;

import dev.quire.Databases;
import dev.quire.QuireException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opening a store whose file is damaged, foreign, unreachable or in use fails at once with a clear
 * {@link QuireException}, and the file is left exactly as it was: Quire never writes over bytes it could not
 * read.
 */
class BrokenFilesTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private final List<Path> immutable = new ArrayList<>();

    @AfterEach
    void release() throws Exception {
        for (Path path : immutable) {
            chattr("-i", path);
        }
    }

    private static Path file(Path store) {
        return store.resolveSibling(store.getFileName() + ".mv.db");
    }

    /** A store with a few documents, closed. */
    private Path healthyStore(String name) {
        Path store = temp.resolve(name);
        try (Databases db = Databases.open(store)) {
            db.create("app", "App");
            db.createCollection("app", "notes", "Notes");
            db.createStringAttribute("app", "notes", "text", 1_000, false, null, false);
            for (int i = 0; i < 200; i++) {
                db.createDocument("app", "notes", "n" + i, Map.of("text", "note " + i + " " + "x".repeat(500)), null);
            }
        }
        return store;
    }

    /** Opening fails with a QuireException that names the file's problem, within the bound, and writes nothing. */
    private QuireException assertRefusedUnchanged(Path store) throws IOException {
        Path file = file(store);
        byte[] before = Files.readAllBytes(file);
        QuireException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(QuireException.class, () -> {
            try (Databases db = Databases.open(store)) {
                db.list(List.of()); // if it opened, it must at least not pretend all is well
            }
        }));
        assertEquals(500, e.getCode(), e.getType() + ": " + e.getMessage());
        assertFalse(e.getMessage().contains(store.getFileName().toString()), "the path in the message: " + e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the file was changed");
        assertFalse(e.getMessage().contains("org.h2"), "an H2 class in the message: " + e.getMessage());
        assertFalse(e.getMessage().matches("(?s).*\\[\\d{5}-\\d+].*"), "an H2 error code in the message: " + e.getMessage());
        System.out.println("refused " + store.getFileName() + ": " + e.getType() + ": " + e.getMessage());
        return e;
    }

    @Test
    void aStoreCutShortOfItsDataIsRefusedAndLeftAsItWas() throws IOException {
        Path store = healthyStore("truncated");
        // The two file headers survive; the 100 kB of documents cannot fit in what is left, wherever H2's
        // compaction at close placed them.
        truncate(store, 6 * 4096);
        assertRefusedUnchanged(store);
    }

    /**
     * A cut elsewhere may remove only free space (H2 compacts live data towards the start of the file when it
     * closes, for a time budget, so where the cut lands depends on the run): then the store must open with
     * every document; otherwise it must be refused with the file unchanged. Never a store with documents missing.
     */
    @Test
    void aTruncatedStoreIsRefusedOrOpensWhole() throws IOException {
        for (int quarters = 1; quarters <= 3; quarters++) {
            Path store = healthyStore("cut" + quarters);
            byte[] before = Files.readAllBytes(file(store));
            truncate(store, before.length * quarters / 4);
            byte[] cut = Files.readAllBytes(file(store));
            try (Databases db = Databases.open(store)) {
                assertEquals(200, db.listDocuments("app", "notes", List.of()).getTotal(), quarters + "/4");
                for (int i = 0; i < 200; i++) {
                    assertEquals("note " + i + " " + "x".repeat(500), db.getDocument("app", "notes", "n" + i).get("text"));
                }
            } catch (QuireException e) {
                assertEquals(500, e.getCode(), e.getType() + ": " + e.getMessage());
                assertArrayEquals(cut, Files.readAllBytes(file(store)), "the file was changed");
            }
        }
    }

    private static void truncate(Path store, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file(store).toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    @Test
    void aStoreCutToItsFirstBytesIsRefusedAndLeftAsItWas() throws IOException {
        Path store = healthyStore("stub");
        truncate(store, 100);
        assertRefusedUnchanged(store);
    }

    @Test
    void aStoreWithACorruptedHeaderIsRefusedAndLeftAsItWas() throws IOException {
        Path store = healthyStore("header");
        try (RandomAccessFile raf = new RandomAccessFile(file(store).toFile(), "rw")) {
            byte[] noise = new byte[8192];
            new Random(1).nextBytes(noise);
            raf.write(noise);
        }
        assertRefusedUnchanged(store);
    }

    @Test
    void aStoreWithCorruptedDataIsRefusedOrReadsWhatItHolds() throws IOException {
        Path store = healthyStore("middle");
        long length = Files.size(file(store));
        try (RandomAccessFile raf = new RandomAccessFile(file(store).toFile(), "rw")) {
            byte[] noise = new byte[4096];
            new Random(2).nextBytes(noise);
            raf.seek(length / 2);
            raf.write(noise);
        }
        byte[] before = Files.readAllBytes(file(store));
        // H2 checks chunk checksums when it reads a page: the damage shows as a QuireException when (or if) the
        // damaged page is read, never as another exception, never as a hang.
        assertTimeoutPreemptively(BOUND, () -> {
            try (Databases db = Databases.open(store)) {
                for (int i = 0; i < 200; i++) {
                    try {
                        assertEquals("n" + i, db.getDocument("app", "notes", "n" + i).getId());
                    } catch (QuireException e) {
                        assertEquals(500, e.getCode(), e.getType() + ": " + e.getMessage());
                    }
                }
            } catch (QuireException e) {
                assertEquals(500, e.getCode(), e.getType() + ": " + e.getMessage());
            }
        });
        assertNotNull(before);
    }

    @Test
    void aTextFileIsNotTakenForAStore() throws IOException {
        Path store = temp.resolve("text");
        Files.writeString(file(store), "These are my notes. Please do not overwrite them.\n".repeat(100),
                StandardCharsets.UTF_8);
        assertRefusedUnchanged(store);
    }

    @Test
    void randomBytesAreNotTakenForAStore() throws IOException {
        Path store = temp.resolve("random");
        byte[] noise = new byte[64 * 1024];
        new Random(3).nextBytes(noise);
        Files.write(file(store), noise);
        assertRefusedUnchanged(store);
    }

    @Test
    void aZipFileIsNotTakenForAStore() throws IOException {
        Path store = temp.resolve("zip");
        byte[] zip = {0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Files.write(file(store), zip);
        assertRefusedUnchanged(store);
    }

    @Test
    void anEmptyFileIsANewStoreBecauseThereIsNothingInItToLose() throws IOException {
        // A process killed between creating the file and writing its first page leaves it empty: refusing it
        // would make that store unopenable.
        Path store = temp.resolve("empty");
        Files.write(file(store), new byte[0]);
        try (Databases db = Databases.open(store)) {
            db.create("app", "App");
        }
        try (Databases db = Databases.open(store)) {
            assertEquals("App", db.get("app").getName());
        }
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsRefused() throws IOException {
        Path store = temp.resolve("dir");
        Files.createDirectory(file(store));
        QuireException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(QuireException.class,
                () -> Databases.open(store).close()));
        assertEquals(500, e.getCode(), e.getMessage());
        assertTrue(Files.isDirectory(file(store)));
    }

    @Test
    void aPathBelowARegularFileIsRefused() throws IOException {
        Path regular = Files.writeString(temp.resolve("regular.txt"), "not a directory");
        QuireException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(QuireException.class,
                () -> Databases.open(regular.resolve("sub").resolve("app")).close()));
        assertEquals("storage_device_not_found", e.getType(), e.getMessage());
        assertEquals("Cannot create the directory for the store: Not a directory", e.getMessage());
        System.out.println("below a file: " + e.getType() + ": " + e.getMessage());
        assertEquals("not a directory", Files.readString(regular));
    }

    @Test
    void aPathThatDoesNotExistYetIsCreatedAsTheContractSays() {
        Path store = temp.resolve("new").resolve("deeper").resolve("app");
        try (Databases db = Databases.open(store)) {
            db.create("app", "App");
        }
        assertTrue(Files.isRegularFile(file(store)));
    }

    @Test
    void aReadOnlyDirectoryRefusesANewStoreWithAClearError() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("readonly"));
        makeImmutable(dir);
        QuireException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(QuireException.class,
                () -> Databases.open(dir.resolve("app")).close()));
        assertEquals(500, e.getCode(), e.getMessage());
        assertEquals("The store's file cannot be used: Operation not permitted", e.getMessage());
        System.out.println("read-only directory: " + e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing may be written into the directory");
        }
    }

    @Test
    void aReadOnlyStoreFileIsNeverWritten() throws Exception {
        Path store = healthyStore("frozen");
        byte[] before = Files.readAllBytes(file(store));
        makeImmutable(file(store));
        assertTimeoutPreemptively(BOUND, () -> {
            try (Databases db = Databases.open(store)) {
                // Opened read-only: reads work, writes fail with a clear error.
                assertEquals("n1", db.getDocument("app", "notes", "n1").getId());
                QuireException e = assertThrows(QuireException.class,
                        () -> db.createDocument("app", "notes", "new", Map.of("text", "x"), null));
                assertEquals(500, e.getCode(), e.getMessage());
                System.out.println("read-only store opened; a write failed: " + e.getMessage());
            } catch (QuireException e) {
                assertEquals(500, e.getCode(), e.getMessage());
                assertFalse(e.getMessage().contains("frozen"), "the path in the message: " + e.getMessage());
                System.out.println("read-only store refused: " + e.getMessage());
            }
        });
        assertArrayEquals(before, Files.readAllBytes(file(store)));
    }

    @Test
    void aStoreInUseByAnotherProcessIsRefusedAtOnce() throws Exception {
        Path store = temp.resolve("busy");
        try (Databases db = Databases.open(store)) {
            CrashWriter.createSchema(db);
        }
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                store.toString(), "1")
                .redirectErrorStream(true)
                .start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("READY", assertTimeoutPreemptively(BOUND, out::readLine));
            QuireException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(QuireException.class,
                    () -> Databases.open(store).close()));
            assertEquals("store_in_use", e.getType(), e.getMessage());
            assertEquals(409, e.getCode(), e.getMessage());
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            System.out.println("in use: " + e.getMessage());
        } finally {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void makeImmutable(Path path) throws Exception {
        // Tests run as root, which ignores permission bits; the immutable attribute binds root too.
        assumeTrue(chattr("+i", path), "chattr +i is not available here");
        immutable.add(path);
    }

    private static boolean chattr(String flag, Path path) throws Exception {
        try {
            Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @SuppressWarnings("unused")
    private static String describe(byte[] bytes) {
        return Arrays.toString(Arrays.copyOf(bytes, 16));
    }
}
