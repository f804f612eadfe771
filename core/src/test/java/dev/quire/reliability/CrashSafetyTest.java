package dev.quire.reliability;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a writing process with SIGKILL at random moments and checks, after every kill, that the store opens
 * and holds exactly what was acknowledged: every create and update that returned is there with its content
 * and permissions, every delete that returned is gone, nothing else is there, each document's stored permissions
 * are valid and canonical, and the one call in flight at the kill either happened whole or not at all. Transfers
 * between account documents, each one {@code useTransaction}, must keep every balance as acknowledged and the
 * sum of the balances whole: a transaction cut by the kill leaves all of its writes or none.
 *
 * <p>All rounds write to the same file, so each round also starts from the recovery of the previous kill.
 * {@code -Dquire.crash.rounds=100} runs more rounds (default 5); {@code -Dquire.crash.seed=N} repeats a run.
 */
class CrashSafetyTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ROUNDS = Integer.getInteger("quire.crash.rounds", 5);
    private static final int MAX_CALLS_PER_ROUND = 400;

    /** A document as the writer was told it is stored. */
    record State(String title, Long n, List<String> tags, Set<String> permissions) {
    }

    /** One call the writer began, and how it ended: "A" returned, "E type" failed, null unknown (killed). */
    record Call(String op, String id, Map<String, Object> data, List<String> permissions, String outcome) {
    }

    @TempDir
    Path temp;

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Long> balances = new HashMap<>();
    private long transfers;
    private long acknowledged;
    private long refused;
    private long inFlightApplied;
    private long inFlightNotApplied;

    @Test
    void killedWritersLoseNoAcknowledgedWriteAndLeaveNoHalfWrittenDocument() throws Exception {
        long seed = Long.getLong("quire.crash.seed", ThreadLocalRandom.current().nextLong());
        Random random = new Random(seed);
        Path store = temp.resolve("crash");
        try (Databases db = Databases.open(store)) {
            CrashWriter.createSchema(db);
        }
        Map<String, State> model = new HashMap<>();
        for (int i = 0; i < CrashWriter.ACCOUNT_COUNT; i++) {
            balances.put("a" + i, CrashWriter.OPENING_BALANCE);
        }
        for (int round = 0; round < ROUNDS; round++) {
            List<Call> calls = runAndKill(store, random, round);
            Call inFlight = replay(calls, model, round);
            verify(store, model, inFlight, round);
        }
        String summary = String.format("crash safety: seed=%d rounds=%d acknowledged=%d refused=%d in-flight applied=%d "
                        + "in-flight not applied=%d documents=%d transfers=%d problems=%d", seed, ROUNDS, acknowledged,
                refused, inFlightApplied, inFlightNotApplied, model.size(), transfers, problems.size());
        System.out.println(summary);
        assertTrue(problems.isEmpty(), summary + "\n" + String.join("\n", problems.subList(0, Math.min(50, problems.size()))));
        assertTrue(acknowledged > 0, "the writer never got a call through");
    }

    /** Starts the writer, kills it at a random moment, and returns the calls it reported. */
    private List<Call> runAndKill(Path store, Random random, int round) throws Exception {
        Path stderr = temp.resolve("writer-" + round + ".err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                store.toString(), Long.toString(random.nextLong()))
                .redirectError(stderr.toFile())
                .start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(1);
        Semaphore reported = new Semaphore(0);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else {
                        lines.add(line);
                        reported.release();
                    }
                }
            } catch (IOException e) {
                // the pipe closes with the process
            }
        });
        reader.start();
        try {
            if (random.nextInt(5) == 0) {
                // Sometimes kill early: during JVM start, while the store opens, or while it recovers.
                Thread.sleep(random.nextInt(2_500));
            } else {
                if (!ready.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("the writer did not start: " + Files.readString(stderr));
                }
                // Kill after a random number of reported lines, whatever the machine's speed, then a random
                // fraction of a call later, so the kill lands anywhere inside a call.
                int target = random.nextInt(2 * MAX_CALLS_PER_ROUND);
                reported.tryAcquire(target, 30, TimeUnit.SECONDS);
                Thread.sleep(random.nextInt(3));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the writer ended before it was killed (exit " + process.exitValue() + "): "
                        + Files.readString(stderr));
            }
        } finally {
            // SIGKILL on Linux: no shutdown hooks, no close. Through the handle, because Process.destroyForcibly()
            // also closes this end of the pipe at once, dropping lines the child wrote but the reader had not read
            // yet: misread histories that looked like lost writes.
            process.toHandle().destroyForcibly();
            process.waitFor();
            reader.join(10_000);
        }
        return parse(lines);
    }

    @SuppressWarnings("unchecked")
    private static List<Call> parse(List<String> lines) {
        List<Call> calls = new ArrayList<>();
        Map<String, Object> begun = null;
        for (String line : lines) {
            if (!line.endsWith(" .")) {
                break; // cut short by the kill: the writer got no further
            }
            String body = line.substring(0, line.length() - 2);
            if (body.startsWith("B ")) {
                begun = JSON.readValue(body.substring(2), Map.class);
            } else if (begun != null && (body.equals("A") || body.startsWith("E "))) {
                calls.add(call(begun, body));
                begun = null;
            }
        }
        if (begun != null) {
            calls.add(call(begun, null));
        }
        return calls;
    }

    @SuppressWarnings("unchecked")
    private static Call call(Map<String, Object> begun, String outcome) {
        return new Call((String) begun.get("op"), (String) begun.get("id"), (Map<String, Object>) begun.get("data"),
                (List<String>) begun.get("permissions"), outcome);
    }

    /**
     * Applies the acknowledged calls to the model, checking each outcome against it (a create that returned
     * for an id the model holds means a lost delete or a duplicate). Returns the call whose outcome is
     * unknown, if any.
     */
    private Call replay(List<Call> calls, Map<String, State> model, int round) {
        Call inFlight = null;
        for (Call call : calls) {
            if (call.outcome() == null) {
                inFlight = call;
                continue;
            }
            if (call.op().equals("transfer")) {
                if (call.outcome().equals("A")) {
                    acknowledged++;
                    transfers++;
                    transfer(call, balances);
                } else {
                    problems.add("round " + round + ": " + call + " failed with " + call.outcome());
                }
                continue;
            }
            State before = model.get(call.id());
            if (call.outcome().equals("A")) {
                acknowledged++;
                if ((call.op().equals("create") && before != null)
                        || ((call.op().equals("update") || call.op().equals("delete")) && before == null)) {
                    problems.add("round " + round + ": " + call + " succeeded, but the model has " + before);
                }
                apply(call, model);
            } else {
                refused++;
                String type = call.outcome().substring(2);
                boolean expected = switch (call.op()) {
                    case "create" -> before != null && type.equals("document_already_exists");
                    case "update" -> (before == null && type.equals("document_not_found"))
                            || (call.data().isEmpty() && call.permissions() == null
                            && type.equals("document_missing_payload"));
                    case "delete" -> before == null && type.equals("document_not_found");
                    default -> false;
                };
                if (!expected) {
                    problems.add("round " + round + ": " + call + " failed with " + type + "; the model has " + before);
                }
            }
        }
        return inFlight;
    }

    private static void transfer(Call call, Map<String, Long> balances) {
        long amount = ((Number) call.data().get("amount")).longValue();
        balances.merge(call.id(), -amount, Long::sum);
        balances.merge((String) call.data().get("to"), amount, Long::sum);
    }

    private static void apply(Call call, Map<String, State> model) {
        State before = model.get(call.id());
        switch (call.op()) {
            case "delete" -> model.remove(call.id());
            case "create" -> model.put(call.id(), state(call.data(), call.permissions()));
            case "upsert" -> model.put(call.id(), before == null ? state(call.data(), call.permissions())
                    : state(call.data(), call.permissions() == null ? new ArrayList<>(before.permissions()) : call.permissions()));
            case "update" -> {
                if (before == null) {
                    return;
                }
                Map<String, Object> merged = new LinkedHashMap<>();
                merged.put("title", before.title());
                merged.put("n", before.n());
                merged.put("tags", before.tags());
                merged.putAll(call.data());
                model.put(call.id(), state(merged, call.permissions() == null
                        ? new ArrayList<>(before.permissions()) : call.permissions()));
            }
            default -> throw new IllegalArgumentException(call.op());
        }
    }

    @SuppressWarnings("unchecked")
    private static State state(Map<String, Object> data, List<String> permissions) {
        Object n = data.get("n");
        return new State((String) data.get("title"), n == null ? null : ((Number) n).longValue(),
                data.get("tags") == null ? null : List.copyOf((List<String>) data.get("tags")),
                new TreeSet<>(permissions == null ? List.of() : permissions));
    }

    private static State state(Document document) {
        Object tags = document.get("tags");
        return new State((String) document.get("title"), (Long) document.get("n"),
                tags == null ? null : List.copyOf((List<String>) tags), new TreeSet<>(document.getPermissions()));
    }

    /** Reopens the store and compares it with the model; adopts the in-flight call if it happened. */
    private void verify(Path store, Map<String, State> model, Call inFlight, int round) throws Exception {
        verifyBalances(store, inFlight != null && inFlight.op().equals("transfer") ? inFlight : null, round);
        if (inFlight != null && inFlight.op().equals("transfer")) {
            inFlight = null;
        }
        Map<String, State> ifApplied = null;
        if (inFlight != null && !inFlight.op().equals("create") || inFlight != null && !model.containsKey(inFlight.id())) {
            ifApplied = new HashMap<>(model);
            apply(inFlight, ifApplied);
        }
        Map<String, State> found = new HashMap<>();
        Set<String> apiIds;
        try (Databases db = Databases.open(store)) {
            var page = db.listDocuments(CrashWriter.DATABASE, CrashWriter.COLLECTION,
                    List.of(Query.limit(CrashWriter.ID_SPACE + 10)));
            for (Document document : page.getDocuments()) {
                if (found.put(document.getId(), state(document)) != null) {
                    problems.add("round " + round + ": document " + document.getId() + " listed twice");
                }
                if (!state(document).equals(state(db.getDocument(CrashWriter.DATABASE, CrashWriter.COLLECTION,
                        document.getId())))) {
                    problems.add("round " + round + ": get and list disagree on " + document.getId());
                }
            }
            if (page.getTotal() != found.size()) {
                problems.add("round " + round + ": total " + page.getTotal() + " but " + found.size() + " listed");
            }
            apiIds = new HashSet<>(found.keySet());
        } catch (QuireException e) {
            problems.add("round " + round + ": the store did not open after the kill: " + e.getType() + " " + e.getMessage());
            throw e;
        }
        StoreInspector.Report report = StoreInspector.inspect(store, CrashWriter.DATABASE, CrashWriter.COLLECTION);
        report.problems().forEach(p -> problems.add("round " + round + ": " + p));
        if (!report.documentIds().equals(apiIds)) {
            problems.add("round " + round + ": the tables hold " + report.documentIds() + " but the API lists " + apiIds);
        }
        if (found.equals(model)) {
            if (ifApplied != null && !ifApplied.equals(model)) {
                inFlightNotApplied++;
            }
            return;
        }
        if (ifApplied != null && found.equals(ifApplied)) {
            inFlightApplied++;
            model.clear();
            model.putAll(ifApplied);
            return;
        }
        Set<String> ids = new TreeSet<>(model.keySet());
        ids.addAll(found.keySet());
        for (String id : ids) {
            State expected = model.get(id);
            State actual = found.get(id);
            boolean inFlightId = inFlight != null && inFlight.id().equals(id);
            if (!Objects.equals(expected, actual)) {
                problems.add("round " + round + ": " + id + " expected " + expected + " but found " + actual
                        + (inFlightId ? " (in flight: " + inFlight + ")" : ""));
            }
        }
        // Continue from what is stored, so one loss is reported once.
        model.clear();
        model.putAll(found);
    }

    /** The accounts hold what acknowledged transfers left, plus the in-flight one whole or not at all. */
    private void verifyBalances(Path store, Call inFlight, int round) {
        Map<String, Long> found = new HashMap<>();
        try (Databases db = Databases.open(store)) {
            for (Document account : db.listDocuments(CrashWriter.DATABASE, CrashWriter.ACCOUNTS,
                    List.of(Query.limit(100))).getDocuments()) {
                found.put(account.getId(), (Long) account.get("balance"));
            }
        }
        long sum = found.values().stream().mapToLong(Long::longValue).sum();
        if (sum != CrashWriter.ACCOUNT_COUNT * CrashWriter.OPENING_BALANCE) {
            problems.add("round " + round + ": the balances sum to " + sum + ": " + found);
        }
        if (found.equals(balances)) {
            return;
        }
        Map<String, Long> ifApplied = new HashMap<>(balances);
        if (inFlight != null) {
            transfer(inFlight, ifApplied);
        }
        if (inFlight != null && found.equals(ifApplied)) {
            balances.clear();
            balances.putAll(ifApplied);
            return;
        }
        problems.add("round " + round + ": balances " + found + ", expected " + balances
                + (inFlight == null ? "" : " (in flight: " + inFlight + ")"));
        balances.clear();
        balances.putAll(found);
    }

    @Test
    void theWriterScriptIsDeterministicForASeed() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        Random first = new Random(7);
        Random second = new Random(7);
        for (int i = 0; i < 5; i++) {
            a.add(String.valueOf(first.nextLong()));
            b.add(String.valueOf(second.nextLong()));
        }
        assertEquals(a, b);
    }
}
