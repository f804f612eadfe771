package dev.quire.reliability;

import dev.quire.Databases;
import dev.quire.QuireException;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The process {@link CrashSafetyTest} kills: writes documents with permissions to a file store as fast as it
 * can and reports each call on standard output, one line each, flushed as soon as it is written:
 *
 * <pre>
 * READY
 * B {"op":"update","id":"d17","data":{"n":4},"permissions":null} .   (about to call)
 * A .                                                                  (the call returned)
 * E document_not_found .                                               (the call failed with this type)
 * </pre>
 *
 * A line ends with {@code " ."} so a line cut short by the kill is recognisable. Only the last begun call
 * can be without an outcome.
 *
 * <p>One call in five is a transfer between two account documents, in one {@code useTransaction}: it reads
 * both balances, writes both, and the sum of all balances must survive every kill.
 *
 * <pre>
 * B {"op":"transfer","id":"a3","data":{"to":"a5","amount":17},"permissions":null} .
 * </pre>
 */
public final class CrashWriter {
    static final String DATABASE = "crash";
    static final String COLLECTION = "docs";
    static final int ID_SPACE = 200;
    static final String ACCOUNTS = "accounts";
    static final int ACCOUNT_COUNT = 8;
    static final long OPENING_BALANCE = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CrashWriter() {
    }

    /** The schema every round writes to, created by the parent before the first round. */
    static void createSchema(Databases db) {
        db.create(DATABASE, "Crash");
        db.createCollection(DATABASE, COLLECTION, "Docs", List.of(), true, true);
        db.createStringAttribute(DATABASE, COLLECTION, "title", 200, false, null, false);
        db.createIntegerAttribute(DATABASE, COLLECTION, "n", false, null, null, null, false);
        db.createStringAttribute(DATABASE, COLLECTION, "tags", 32, false, null, true);
        db.createCollection(DATABASE, ACCOUNTS, "Accounts", List.of(), false, true);
        db.createIntegerAttribute(DATABASE, ACCOUNTS, "balance", true, null, null, null, false);
        db.useTransaction(tx -> {
            for (int i = 0; i < ACCOUNT_COUNT; i++) {
                tx.createDocument(DATABASE, ACCOUNTS, "a" + i, Map.of("balance", OPENING_BALANCE), null);
            }
        });
    }

    /** Arguments: the store path, a random seed. */
    public static void main(String[] args) {
        Path store = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        PrintStream out = new PrintStream(System.out, true);
        try (Databases db = Databases.open(store)) {
            out.println("READY");
            for (int i = 0; i < 1_000_000; i++) {
                Map<String, Object> call = nextCall(random, i);
                out.println("B " + JSON.writeValueAsString(call) + " .");
                try {
                    perform(db, call);
                    out.println("A .");
                } catch (QuireException e) {
                    out.println("E " + e.getType() + " .");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void perform(Databases db, Map<String, Object> call) {
        String id = (String) call.get("id");
        Map<String, Object> data = (Map<String, Object>) call.get("data");
        List<String> permissions = (List<String>) call.get("permissions");
        switch ((String) call.get("op")) {
            case "create" -> db.createDocument(DATABASE, COLLECTION, id, data, permissions);
            case "update" -> db.updateDocument(DATABASE, COLLECTION, id, data, permissions);
            case "upsert" -> db.upsertDocument(DATABASE, COLLECTION, id, data, permissions);
            case "delete" -> db.deleteDocument(DATABASE, COLLECTION, id);
            case "transfer" -> db.useTransaction(tx -> {
                String to = (String) data.get("to");
                long amount = ((Number) data.get("amount")).longValue();
                long from = (Long) tx.getDocument(DATABASE, ACCOUNTS, id).get("balance");
                long into = (Long) tx.getDocument(DATABASE, ACCOUNTS, to).get("balance");
                tx.updateDocument(DATABASE, ACCOUNTS, id, Map.of("balance", from - amount), null);
                tx.updateDocument(DATABASE, ACCOUNTS, to, Map.of("balance", into + amount), null);
            });
            default -> throw new IllegalArgumentException(String.valueOf(call.get("op")));
        }
    }

    private static Map<String, Object> nextCall(Random random, int i) {
        if (random.nextInt(5) == 0) {
            int from = random.nextInt(ACCOUNT_COUNT);
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("op", "transfer");
            call.put("id", "a" + from);
            call.put("data", Map.of("to", "a" + (from + 1 + random.nextInt(ACCOUNT_COUNT - 1)) % ACCOUNT_COUNT,
                    "amount", 1 + random.nextInt(100)));
            call.put("permissions", null);
            return call;
        }
        int kind = random.nextInt(10);
        String op = kind < 4 ? "create" : kind < 7 ? "update" : kind < 8 ? "upsert" : "delete";
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("op", op);
        call.put("id", "d" + random.nextInt(ID_SPACE));
        if (op.equals("delete")) {
            return call;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        boolean partial = op.equals("update") && random.nextBoolean();
        if (!partial || random.nextBoolean()) {
            data.put("title", "title " + i + " " + Long.toHexString(random.nextLong()));
        }
        if (!partial || random.nextBoolean()) {
            data.put("n", (long) i);
        }
        if (!partial || random.nextBoolean()) {
            List<String> tags = new ArrayList<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add("tag" + random.nextInt(50));
            }
            data.put("tags", tags);
        }
        call.put("data", data);
        call.put("permissions", op.equals("update") && random.nextInt(3) == 0 ? null : permissions(random));
        return call;
    }

    private static List<String> permissions(Random random) {
        List<String> all = List.of(Permission.read(Role.any()), Permission.read(Role.user("u" + random.nextInt(5))),
                Permission.update(Role.user("u" + random.nextInt(5))), Permission.delete(Role.team("t1", "owner")),
                Permission.update(Role.label("admin")), Permission.read(Role.users("verified")));
        List<String> chosen = new ArrayList<>();
        for (String permission : all) {
            if (random.nextInt(3) == 0 && !chosen.contains(permission)) {
                chosen.add(permission);
            }
        }
        return chosen;
    }
}
