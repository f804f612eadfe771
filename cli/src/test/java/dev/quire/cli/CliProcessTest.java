package dev.quire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command as a program: {@code Main} in a JVM of its own on the test class path, as
 * {@code java -jar cli/target/quire.jar} runs it (the jar is built in the package phase, after the tests).
 */
class CliProcessTest {
    @TempDir
    Path directory;

    record Result(int status, String out, String err) {
    }

    private static ProcessBuilder java(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private Result quire(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        Process process = java(Main.class, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "quire did not finish");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aStoreIsFilledQueriedAndBackedUpByTheProgram() throws IOException, InterruptedException {
        Path schema = directory.resolve("appwrite.json");
        try (InputStream in = CliProcessTest.class.getResourceAsStream("/appwrite.json")) {
            Files.copy(in, schema);
        }
        Path lines = directory.resolve("in.jsonl");
        Files.write(lines, List.of(
                "{\"$id\":\"up\",\"$databaseId\":\"app\",\"$collectionId\":\"movies\",\"title\":\"Up\",\"year\":2009}"));
        String store = directory.resolve("app.mv.db").toString();

        assertEquals(new Result(0, "applied " + schema + "\n", ""), quire("schema", "apply", store, schema.toString()));
        assertEquals(new Result(0, "imported 1 document from " + lines + "\n", ""), quire("import", store, lines.toString()));
        Result query = quire("query", store, "app", "movies", "equal(\"year\", [2009])", "--json");
        assertEquals(0, query.status(), query.err());
        assertTrue(query.out().startsWith("{\"total\":1,\"documents\":[{\"$id\":\"up\""), query.out());
        Result backup = quire("backup", store, directory.resolve("copy.mv.db").toString());
        assertEquals(0, backup.status(), backup.err());
        assertTrue(Files.isRegularFile(directory.resolve("copy.mv.db")));
    }

    @Test
    void anErrorExitsNonZeroWithOneLineAndNoStackTrace() throws IOException, InterruptedException {
        Result result = quire("inspect", directory.resolve("missing.mv.db").toString());

        assertEquals(1, result.status());
        assertEquals("quire: no Quire store at " + directory.resolve("missing.mv.db") + "\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void aStoreHeldByAnotherProcessIsReportedAsSuch() throws IOException, InterruptedException {
        Path base = directory.resolve("held");
        Process holder = java(HoldStore.class, base.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader ready = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("holding", ready.readLine());

            Result result = quire("inspect", base + ".mv.db");

            assertEquals(1, result.status());
            assertEquals(1, result.err().lines().count(), result.err());
            assertTrue(result.err().contains("is in use by another process"), result.err());
            assertFalse(result.err().contains("\tat "), result.err());
            assertTrue(quire("inspect", base + ".mv.db", "--verbose").err().contains("\tat "),
                    "--verbose shows the stack trace");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }
}
