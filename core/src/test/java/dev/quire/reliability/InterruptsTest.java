package dev.quire.reliability;

import dev.quire.Databases;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads reading and writing large documents of a file store are interrupted thousands of times, as web
 * servers and test timeouts do. An interrupted call fails with {@code call_interrupted} or completes; no other
 * error appears, the store serves every call after, and reopened it holds every acknowledged write.
 */
class InterruptsTest {
    private static final int THREADS = 4;
    private static final int IDS_PER_THREAD = 4;
    private static final int INTERRUPTS = Integer.getInteger("quire.interrupts", 3_000);

    @TempDir
    Path temp;

    @Test
    void interruptedCallsFailTypedAndLoseNoAcknowledgedWrite() throws Exception {
        Path store = temp.resolve("interrupted");
        // Per id: the last acknowledged value, and the values of writes that failed after it (one may have landed).
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Set<String>> unacknowledged = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        AtomicLong succeeded = new AtomicLong();
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            try (Databases db = Databases.open(store)) {
                db.create("app", "App");
                db.createCollection("app", "big", "Big");
                db.createStringAttribute("app", "big", "text", 2_000_000, false, null, false);
                for (int i = 0; i < THREADS * IDS_PER_THREAD; i++) {
                    String value = value(0, i, 0);
                    db.createDocument("app", "big", "d" + i, Map.of("text", value), null);
                    acknowledged.put("d" + i, value);
                }
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    threads.add(new Thread(() -> {
                        Random random = new Random(thread);
                        for (int n = 1; !stop.get(); n++) {
                            String id = "d" + (thread * IDS_PER_THREAD + random.nextInt(IDS_PER_THREAD));
                            String value = value(n, thread, random.nextInt(200_000));
                            boolean write = random.nextBoolean();
                            try {
                                if (write) {
                                    db.updateDocument("app", "big", id, Map.of("text", value), null);
                                    acknowledged.put(id, value);
                                    unacknowledged.remove(id);
                                } else if (random.nextBoolean()) {
                                    db.getDocument("app", "big", id);
                                } else {
                                    db.listDocuments("app", "big", List.of(Query.contains("text", "-" + thread + "-"),
                                            Query.limit(2)));
                                }
                                succeeded.incrementAndGet();
                            } catch (QuireException e) {
                                errors.computeIfAbsent(e.getType() + "/" + e.getCode(), k -> new AtomicLong())
                                        .incrementAndGet();
                                if (write) {
                                    unacknowledged.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(value);
                                }
                            }
                            Thread.interrupted(); // an interrupt that came after the call is for the next one
                        }
                    }));
                }
                threads.forEach(Thread::start);
                Random random = new Random(42);
                for (int i = 0; i < INTERRUPTS; i++) {
                    threads.get(random.nextInt(THREADS)).interrupt();
                    Thread.sleep(0, 500_000);
                }
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join();
                }
                // The store serves calls after the storm.
                db.updateDocument("app", "big", "d0", Map.of("text", "after"), null);
                acknowledged.put("d0", "after");
                unacknowledged.remove("d0");
                assertEquals("after", db.getDocument("app", "big", "d0").get("text"));
            }
        });
        System.out.println("interrupts: " + INTERRUPTS + " interrupts, " + succeeded + " calls succeeded, errors " + errors);
        assertTrue(succeeded.get() > 0, "no call succeeded");
        assertEquals(Set.of(), Set.copyOf(errors.keySet().stream().filter(type -> !type.equals("call_interrupted/503"))
                .toList()), "errors other than call_interrupted");
        try (Databases db = Databases.open(store)) {
            for (Map.Entry<String, String> entry : acknowledged.entrySet()) {
                Object stored = db.getDocument("app", "big", entry.getKey()).get("text");
                boolean lastAcknowledged = entry.getValue().equals(stored);
                boolean laterAttempt = unacknowledged.getOrDefault(entry.getKey(), Set.of()).contains(stored);
                assertTrue(lastAcknowledged || laterAttempt, entry.getKey() + " lost its acknowledged write");
            }
        }
    }

    /** About a megabyte, different for every write. */
    private static String value(int n, int thread, int extra) {
        return ("v" + n + "-" + thread + "-").repeat(80_000 + extra / 10);
    }
}
