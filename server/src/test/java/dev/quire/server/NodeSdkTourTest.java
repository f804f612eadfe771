package dev.quire.server;

import dev.quire.Databases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * node-appwrite 27.1.0, the official Node.js SDK, drives every Databases and TablesDB method Quire supports
 * ({@code src/test/node/tour.cjs}), errors included. The SDK is installed from the npm registry into
 * {@code target/node-sdk} once and reused by later runs. Without node and npm this test fails: it never skips.
 */
class NodeSdkTourTest {
    private static final String SDK = "node-appwrite@27.1.0";

    @Test
    void nodeAppwriteRunsTheWholeTour() throws Exception {
        Path work = Path.of(System.getProperty("quire.build.directory", "target")).resolve("node-sdk");
        installSdk(work);
        Files.copy(Path.of("src/test/node/tour.cjs"), work.resolve("tour.cjs"), StandardCopyOption.REPLACE_EXISTING);

        try (Databases db = Databases.inMemory();
             QuireServer server = QuireServer.start(db, QuireServer.Options.defaults().project("tour").apiKey("tour-key"))) {
            ProcessBuilder node = new ProcessBuilder("node", "tour.cjs").directory(work.toFile()).redirectErrorStream(true);
            node.environment().putAll(Map.of("ENDPOINT", server.endpoint(), "PROJECT", "tour", "KEY", "tour-key"));
            Result result = run(node, 120);
            assertEquals(0, result.exit, result.output);
            assertTrue(result.output.contains("tour passed: 16 steps"), result.output);
        }
    }

    /** Installs the SDK unless this build folder already holds exactly that version. */
    private static void installSdk(Path work) throws Exception {
        Path installed = work.resolve("node_modules/node-appwrite/package.json");
        if (Files.exists(installed) && Files.readString(installed).contains("\"version\": \"27.1.0\"")) {
            return;
        }
        Files.createDirectories(work);
        Files.writeString(work.resolve("package.json"), "{\"name\":\"quire-node-tour\",\"private\":true}\n");
        Result install = run(new ProcessBuilder(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", SDK))
                .directory(work.toFile()).redirectErrorStream(true), 300);
        assertEquals(0, install.exit, "npm install " + SDK + " failed:\n" + install.output);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(ProcessBuilder builder, int timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("quire-node", ".log");
        Process process;
        try {
            process = builder.redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return fail(builder.command().get(0) + " is not available on this machine (.ci/run installs Debian's "
                    + "nodejs and npm): " + e.getMessage());
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", builder.command()) + " did not finish in " + timeoutSeconds + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
