package dev.quire;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Runs with every test of the module (registered in {@code META-INF/services}): watches every
 * {@link QuireException} made while the suite runs, whoever catches it, and fails the test during which one
 * was made whose message holds SQL, a driver's class or error code, or a file path. The policy is
 * {@code dev.quire.internal.Errors}'s; this makes every other test a test of it.
 */
public final class MessagePolicyExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /** Never in any message. */
    private static final Pattern INTERNALS = Pattern.compile(String.join("|",
            "\\[\\d{5}-\\d{3}]",                                 // H2's error code and build
            "SQL statement",
            "\" d WHERE ",                                       // how Quire's own SELECTs read
            "(?i)org\\.h2|org\\.postgresql|java\\.sql|jdbc|SQLException|h2database",
            "\\.mv\\.db",
            Pattern.quote(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath() + "/"),
            Pattern.quote(Path.of(System.getProperty("user.dir")).toAbsolutePath().toString())));
    /**
     * Never in a server fault's message. A caller's mistake may quote what the caller sent, and the injection
     * tests send SQL.
     */
    private static final Pattern STATEMENTS = Pattern.compile(String.join("|",
            "SELECT .* FROM \"", "INSERT INTO \"", "UPDATE \"", "DELETE FROM \"", "ALTER TABLE \"",
            "CREATE (UNIQUE )?INDEX \"", "CREATE TABLE \"", "CREATE ALIAS"));
    private static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();
    private static final AtomicLong SEEN = new AtomicLong();

    static {
        QuireException.observer = e -> {
            SEEN.incrementAndGet();
            String message = String.valueOf(e.getMessage());
            // Hostile tests send megabyte-long names that messages quote; the internals would be near the edges.
            String scanned = message.length() <= 20_000 ? message
                    : message.substring(0, 10_000) + message.substring(message.length() - 10_000);
            if (INTERNALS.matcher(scanned).find() || e.getCode() >= 500 && STATEMENTS.matcher(scanned).find()) {
                VIOLATIONS.add(e.getType() + "/" + e.getCode() + ": "
                        + (message.length() > 500 ? message.substring(0, 500) + "…" : message));
            }
        };
    }

    /** How many exceptions the suite has made so far in this JVM. */
    public static long seen() {
        return SEEN.get();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The static initialiser has installed the observer.
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check();
    }

    private static void check() {
        List<String> found = new ArrayList<>();
        for (String violation = VIOLATIONS.poll(); violation != null; violation = VIOLATIONS.poll()) {
            found.add(violation);
        }
        if (!found.isEmpty()) {
            throw new AssertionError("Error messages that break the error policy (SQL, driver internals or paths): "
                    + found);
        }
    }
}
