package dev.quire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk calls of 100,000 documents run in a modest heap: a JVM limited to {@value #HEAP} creates, updates and
 * deletes them with one call each ({@link BulkMemoryProbe}). A call that held its rows twice (or H2's batch of
 * all of them) would not fit.
 */
class BulkMemoryTest {
    static final String HEAP = "256m";

    @TempDir
    Path directory;

    @Test
    void oneHundredThousandDocumentsFitInAModestHeap() throws Exception {
        Path output = directory.resolve("out.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), BulkMemoryProbe.class.getName(),
                directory.resolve("store").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the probe finished");
        String printed = Files.readString(output);
        assertEquals(0, process.exitValue(), printed);
        assertTrue(printed.contains("created=100000 updated=100000 deleted=100000"), printed);
    }
}
