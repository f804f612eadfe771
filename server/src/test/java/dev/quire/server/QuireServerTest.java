package dev.quire.server;

import dev.quire.Databases;
import dev.quire.internal.Json;
import dev.quire.permissions.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST protocol as Appwrite speaks it, and what the server does with bad input, forged tokens and load. */
class QuireServerTest {
    private static final String KEY = "secret";
    private static final String LIMIT_ONE = "{\"method\":\"limit\",\"values\":[1]}";

    private final HttpClient http = HttpClient.newHttpClient();
    private Databases db;
    private QuireServer server;

    @BeforeEach
    void start() {
        db = Databases.inMemory();
        server = QuireServer.start(db, QuireServer.Options.defaults().project("demo").apiKey(KEY).maxBodyBytes(64 * 1024));
        db.create("app", "App");
        db.createCollection("app", "notes", "Notes", List.of("create(\"users\")"), true, true);
        db.createStringAttribute("app", "notes", "text", 100, true, null, false);
        db.createDocument("app", "notes", "n1", Map.of("text", "one"), List.of("read(\"any\")"));
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    // ---- a tiny client ----------------------------------------------------------------------------------

    private record Reply(int status, Map<String, Object> json, HttpResponse<String> raw) {
        Object get(String key) {
            return json.get(key);
        }

        String type() {
            return (String) json.get("type");
        }
    }

    private Reply call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = response.body().isEmpty() ? Map.of() : Json.MAPPER.readValue(response.body(), Map.class);
        return new Reply(response.statusCode(), json, response);
    }

    private static String[] asRoot(String... more) {
        return with(more, "X-Appwrite-Project", "demo", "X-Appwrite-Key", KEY, "Content-Type", "application/json");
    }

    private static String[] asJwt(String jwt) {
        return with(new String[0], "X-Appwrite-Project", "demo", "X-Appwrite-JWT", jwt, "Content-Type", "application/json");
    }

    private static String[] with(String[] more, String... headers) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private static void assertError(Reply reply, String type, int code) {
        assertAll(() -> assertEquals(type, reply.type(), reply.raw().body()),
                () -> assertEquals(code, reply.status()),
                () -> assertEquals(code, reply.get("code")),
                () -> assertInstanceOf(String.class, reply.get("message")),
                () -> assertEquals(QuireServer.APPWRITE_VERSION, reply.get("version")));
    }

    private long notes() {
        return db.listDocuments("app", "notes", null).getTotal();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- protocol -------------------------------------------------------------------------------------

    @Test
    void unknownRoutesAnswerRouteNotFound() throws Exception {
        assertError(call("GET", "/nope", null, asRoot()), "general_route_not_found", 404);
        assertError(call("POST", "/databases/app", "{}", asRoot()), "general_route_not_found", 404);
        assertError(call("POST", "/databases/app/collections/notes/attributes/strin", "{}", asRoot()),
                "general_route_not_found", 404);
        assertError(call("GET", "/databases/app/collections/notes/documents/n1/extra", null, asRoot()),
                "general_route_not_found", 404);
    }

    @Test
    void theProjectHeaderIsRequiredAndChecked() throws Exception {
        assertError(call("GET", "/databases", null, "X-Appwrite-Key", KEY), "project_unknown", 400);
        assertError(call("GET", "/databases", null, "X-Appwrite-Key", KEY, "X-Appwrite-Project", "other"),
                "project_not_found", 404);
    }

    @Test
    void statusCodesAreAppwrites() throws Exception {
        assertEquals(201, call("POST", "/databases", "{\"databaseId\":\"db2\",\"name\":\"Two\"}", asRoot()).status());
        assertEquals(201, call("POST", "/databases/db2/collections", "{\"collectionId\":\"c\",\"name\":\"C\"}", asRoot()).status());
        assertEquals(202, call("POST", "/databases/db2/collections/c/attributes/integer", "{\"key\":\"n\",\"required\":false}", asRoot()).status());
        assertEquals(202, call("POST", "/tablesdb/db2/tables/c/columns/text", "{\"key\":\"t\",\"required\":false}", asRoot()).status());
        assertError(call("POST", "/tablesdb/db2/tables/c/columns/varchar", "{\"key\":\"v\",\"size\":8,\"required\":false,\"encrypt\":true}", asRoot()),
                "general_not_implemented", 405);
        assertEquals(202, call("POST", "/databases/db2/collections/c/indexes", "{\"key\":\"by_n\",\"type\":\"key\",\"attributes\":[\"n\"]}", asRoot()).status());
        assertEquals(201, call("POST", "/tablesdb/db2/tables/c/rows", "{\"rowId\":\"r\",\"data\":{\"n\":1}}", asRoot()).status());
        assertEquals(200, call("GET", "/tablesdb/db2/tables/c/rows/r", null, asRoot()).status());
        Reply deleted = call("DELETE", "/tablesdb/db2/tables/c/rows/r", "{}", asRoot());
        assertEquals(204, deleted.status());
        assertEquals("", deleted.raw().body());
        assertEquals(204, call("DELETE", "/databases/db2", null, asRoot()).status());
    }

    @Test
    void theResponseFormatDecidesTheSequenceType() throws Exception {
        String path = "/databases/app/collections/notes/documents/n1";
        assertEquals(1, call("GET", path, null, asRoot("X-Appwrite-Response-Format", "1.8.0")).get("$sequence"));
        assertEquals(1, call("GET", path, null, asRoot("X-Appwrite-Response-Format", "1.6.0")).get("$sequence"));
        assertEquals("1", call("GET", path, null, asRoot("X-Appwrite-Response-Format", "1.9.5")).get("$sequence"));
        assertEquals("1", call("GET", path, null, asRoot()).get("$sequence"));
    }

    @Test
    void bothArrayEncodingsOfQueriesAreRead() throws Exception {
        db.createDocument("app", "notes", "n2", Map.of("text", "two"));
        String path = "/databases/app/collections/notes/documents";
        Reply bracket = call("GET", path + "?queries%5B%5D=" + encode(LIMIT_ONE), null, asRoot());
        Reply indexed = call("GET", path + "?queries%5B0%5D=" + encode(LIMIT_ONE) + "&total=false", null, asRoot());
        assertEquals(2, bracket.get("total"));
        assertEquals(1, ((List<?>) bracket.get("documents")).size());
        assertEquals(1, ((List<?>) indexed.get("documents")).size());
        assertEquals(0, indexed.get("total"), "total=false counts nothing, as in Appwrite");
    }

    @Test
    void tablesDbPathsSpeakTablesDbNames() throws Exception {
        Reply table = call("GET", "/tablesdb/app/tables/notes", null, asRoot());
        assertEquals(true, table.get("rowSecurity"));
        assertTrue(table.json().containsKey("columns"));
        Reply rows = call("GET", "/tablesdb/app/tables/notes/rows", null, asRoot());
        assertEquals("notes", ((Map<?, ?>) ((List<?>) rows.get("rows")).get(0)).get("$tableId"));
        assertError(call("GET", "/tablesdb/app/tables/notes/rows/nope", null, asRoot()), "row_not_found", 404);
        assertError(call("GET", "/databases/app/collections/notes/documents/nope", null, asRoot()), "document_not_found", 404);
        assertEquals("tablesdb", call("GET", "/tablesdb/app", null, asRoot()).get("type"));
    }

    @Test
    void unsupportedFeaturesAnswerAppwritesErrorsNot500() throws Exception {
        String docs = "/databases/app/collections/notes/documents";
        assertError(call("POST", docs, "{\"documents\":[{\"text\":\"x\"}]}", asRoot()), "general_not_implemented", 405);
        assertError(call("DELETE", docs, "{\"queries\":[]}", asRoot()), "general_not_implemented", 405);
        assertError(call("POST", "/tablesdb/transactions", "{}", asRoot()), "general_not_implemented", 405);
        assertError(call("PATCH", docs + "/n1/count/increment", "{}", asRoot()), "general_not_implemented", 405);
        assertError(call("POST", "/databases/app/collections/notes/attributes/point", "{\"key\":\"p\",\"required\":false}", asRoot()),
                "general_not_implemented", 405);
        assertError(call("GET", docs + "/n1?transactionId=tx", null, asRoot()), "transaction_not_found", 404);
        assertError(call("DELETE", docs + "/n1", "{\"transactionId\":\"tx\"}", asRoot()), "transaction_not_found", 404);
        assertEquals(1, notes());
    }

    @Test
    void corsLetsABrowserPageCall() throws Exception {
        Reply preflight = call("OPTIONS", "/databases", null, "Origin", "http://localhost:5173",
                "Access-Control-Request-Method", "POST");
        assertEquals(204, preflight.status());
        assertEquals("http://localhost:5173", preflight.raw().headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(preflight.raw().headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("X-Appwrite-Project"));
        Reply get = call("GET", "/databases/app/collections/notes/documents", null,
                "Origin", "http://localhost:5173", "X-Appwrite-Project", "demo");
        assertEquals("true", get.raw().headers().firstValue("Access-Control-Allow-Credentials").orElseThrow());
    }

    // ---- identity -------------------------------------------------------------------------------------

    @Test
    void aJwtActsAsItsCallerAndNeverReachesAnothersDocuments() throws Exception {
        String alice = server.jwt(Caller.user("alice"));
        String bob = server.jwt(Caller.user("bob").verified().team("t1", "owner"));
        String docs = "/databases/app/collections/notes/documents";
        Reply created = call("POST", docs, "{\"documentId\":\"secret\",\"data\":{\"text\":\"alice's\"}}", asJwt(alice));
        assertEquals(201, created.status(), created.raw().body());
        assertTrue(((List<?>) created.get("$permissions")).contains("read(\"user:alice\")"));

        assertEquals(200, call("GET", docs + "/secret", null, asJwt(alice)).status());
        assertError(call("GET", docs + "/secret", null, asJwt(bob)), "document_not_found", 404);
        assertError(call("PATCH", docs + "/secret", "{\"data\":{\"text\":\"bob's\"}}", asJwt(bob)), "user_unauthorized", 401);
        assertError(call("DELETE", docs + "/secret", null, asJwt(bob)), "user_unauthorized", 401);
        List<?> bobSees = (List<?>) call("GET", docs, null, asJwt(bob)).get("documents");
        assertFalse(bobSees.stream().anyMatch(d -> "secret".equals(((Map<?, ?>) d).get("$id"))));
        assertEquals("alice's", db.getDocument("app", "notes", "secret").get("text"));
    }

    @Test
    void managementNeedsTheApiKey() throws Exception {
        String alice = server.jwt(Caller.user("alice"));
        assertError(call("POST", "/databases", "{\"databaseId\":\"x\",\"name\":\"X\"}", "X-Appwrite-Project", "demo",
                "Content-Type", "application/json"), "general_unauthorized_scope", 401);
        assertError(call("GET", "/tablesdb/app/tables", null, asJwt(alice)), "general_unauthorized_scope", 401);
        assertError(call("POST", "/quire/jwt", "{\"userId\":\"eve\"}", asJwt(alice)), "general_unauthorized_scope", 401);
        assertError(call("GET", "/databases", null, "X-Appwrite-Project", "demo", "X-Appwrite-Key", "wrong"),
                "user_unauthorized", 401);
    }

    @Test
    void theJwtRouteMintsTokensForTheCallerDescribed() throws Exception {
        Reply minted = call("POST", "/quire/jwt",
                "{\"userId\":\"u1\",\"verified\":true,\"teams\":{\"t1\":[\"owner\"]},\"labels\":[\"admin\"]}", asRoot());
        assertEquals(201, minted.status());
        db.createDocument("app", "notes", "team", Map.of("text", "team"), List.of("read(\"team:t1/owner\")"));
        assertEquals(200, call("GET", "/databases/app/collections/notes/documents/team", null,
                asJwt((String) minted.get("jwt"))).status());
        assertError(call("POST", "/quire/jwt", "{\"userId\":\"bad id!\"}", asRoot()), "general_argument_invalid", 400);
        assertError(call("POST", "/quire/jwt", "{}", asRoot()), "general_argument_invalid", 400);
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefused() throws Exception {
        String good = server.jwt(Caller.user("alice"));
        String[] parts = good.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"userId\":\"root\",\"roles\":[\"any\"],\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8));
        String unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + ".";
        String foreign;
        try (Databases other = Databases.inMemory();
             QuireServer otherServer = QuireServer.start(other, QuireServer.Options.defaults())) {
            foreign = otherServer.jwt(Caller.user("alice"));
        }
        for (String token : List.of(parts[0] + "." + otherPayload + "." + parts[2], unsigned, foreign, "garbage",
                good.substring(0, good.length() - 3) + "AAA", "a.b.c.d", "")) {
            assertError(call("GET", "/databases/app/collections/notes/documents", null, asJwt(token)), "user_jwt_invalid", 401);
        }
    }

    @Test
    void tokensExpire() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000_000);
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.ofEpochSecond(now.get());
            }
        };
        Tokens tokens = new Tokens(Duration.ofMinutes(15), clock);
        Caller caller = Caller.user("u1").verified().membership("t1", "m1", "owner").member("m2").label("admin");
        String token = tokens.mint(caller);
        assertEquals(caller, tokens.verify(token));
        now.addAndGet(15 * 60);
        dev.quire.QuireException e = org.junit.jupiter.api.Assertions.assertThrows(dev.quire.QuireException.class,
                () -> tokens.verify(token));
        assertEquals("user_jwt_invalid", e.getType());
    }

    // ---- bad input ------------------------------------------------------------------------------------

    @Test
    void malformedBodiesAreRefusedAndWriteNothing() throws Exception {
        String docs = "/databases/app/collections/notes/documents";
        assertError(call("POST", docs, "{\"documentId\":\"x\",\"data\":{\"text\":", asRoot()), "general_argument_invalid", 400);
        assertError(call("POST", docs, "[1,2]", asRoot()), "general_argument_invalid", 400);
        assertError(call("POST", docs, "{\"documentId\":\"x\",\"data\":{\"text\":\"t\"}}",
                "X-Appwrite-Project", "demo", "X-Appwrite-Key", KEY, "Content-Type", "text/plain"), "general_argument_invalid", 400);
        assertError(call("POST", docs, "{\"documentId\":7,\"data\":{\"text\":\"t\"}}", asRoot()), "general_argument_invalid", 400);
        assertError(call("POST", docs, "{\"documentId\":\"x\",\"data\":\"text\"}", asRoot()), "general_argument_invalid", 400);
        assertError(call("POST", docs, "{\"documentId\":\"x\"}", asRoot()), "general_argument_invalid", 400);
        assertError(call("POST", docs, "{\"documentId\":\"x\",\"data\":{\"text\":\"" + "y".repeat(70_000) + "\"}}", asRoot()),
                "general_argument_invalid", 400);
        assertError(call("POST", docs, "[".repeat(5000), asRoot()), "general_argument_invalid", 400);
        assertEquals(1, notes());
    }

    @Test
    void hugeQueryArraysAndUnknownQueryMethodsAreTypedErrors() throws Exception {
        String docs = "/databases/app/collections/notes/documents";
        String many = IntStream.range(0, 101).mapToObj(i -> "queries%5B%5D=" + encode(LIMIT_ONE)).collect(Collectors.joining("&"));
        assertError(call("GET", docs + "?" + many, null, asRoot()), "general_query_invalid", 400);
        String flood = IntStream.range(0, 5000).mapToObj(i -> "x" + i + "=1").collect(Collectors.joining("&"));
        assertError(call("GET", docs + "?" + flood, null, asRoot()), "general_argument_invalid", 400);
        assertError(call("GET", docs + "?queries%5B%5D=" + encode("{\"method\":\"drop\",\"attribute\":\"text\"}"), null, asRoot()),
                "general_query_invalid", 400);
        assertTrue(rawStatusLine("GET /v1" + docs + "?queries%5B%5D=%ZZ").contains(" 400 "));
    }

    /** A request no well-behaved client would send (java.net.http refuses to), written by hand. */
    private String rawStatusLine(String requestLine) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nX-Appwrite-Project: demo\r\n"
                    + "X-Appwrite-Key: " + KEY + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void strangePathIdsAreTypedErrorsAndTheServerStaysUp() throws Exception {
        List<String> ids = List.of("..", "%2E%2E", "%00", "a%00b", "%E2%98%83", "%F0%9F%98%80", "x".repeat(10_240),
                "%2F", "a%2Fb", "%25", "%27%20OR%201%3D1");
        for (String id : ids) {
            for (String path : List.of("/databases/" + id, "/databases/app/collections/" + id + "/documents",
                    "/databases/app/collections/notes/documents/" + id, "/tablesdb/app/tables/notes/rows/" + id)) {
                Reply reply = call("GET", path, null, asRoot());
                assertTrue(reply.status() >= 400 && reply.status() < 500, path + " -> " + reply.raw().body());
                assertTrue(reply.type().endsWith("_not_found") || reply.type().equals("general_argument_invalid"),
                        path + " -> " + reply.type());
            }
            Reply create = call("POST", "/databases/app/collections/notes/documents",
                    "{\"documentId\":\"" + java.net.URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8)
                            .replace("\\", "\\\\").replace("\"", "\\\"").replace("\0", "\\u0000")
                            + "\",\"data\":{\"text\":\"t\"}}", asRoot());
            assertError(create, "general_argument_invalid", 400);
        }
        assertEquals(1, notes());
        assertEquals(200, call("GET", "/databases/app/collections/notes/documents/n1", null, asRoot()).status());
    }

    // ---- load -----------------------------------------------------------------------------------------

    @Test
    void sixteenConcurrentClientsKeepEveryInvariant() throws Exception {
        int clients = 16;
        int writes = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                String user = "user" + t;
                String jwt = server.jwt(Caller.user(user));
                done.add(pool.submit(() -> {
                    String docs = "/databases/app/collections/notes/documents";
                    for (int i = 0; i < writes; i++) {
                        String id = user + "-" + i;
                        Reply created = call("POST", docs, "{\"documentId\":\"" + id + "\",\"data\":{\"text\":\"" + id + "\"}}", asJwt(jwt));
                        assertEquals(201, created.status(), created.raw().body());
                        assertEquals(id, call("GET", docs + "/" + id, null, asJwt(jwt)).get("text"));
                        Reply updated = call("PATCH", docs + "/" + id, "{\"data\":{\"text\":\"" + id + "!\"}}", asJwt(jwt));
                        assertEquals(id + "!", updated.get("text"));
                        Reply mine = call("GET", docs + "?queries%5B%5D=" + encode("{\"method\":\"limit\",\"values\":[100]}"), null, asJwt(jwt));
                        for (Object d : (List<?>) mine.get("documents")) {
                            String docId = (String) ((Map<?, ?>) d).get("$id");
                            assertTrue(docId.equals("n1") || docId.startsWith(user + "-"), user + " saw " + docId);
                        }
                        assertEquals(i + 2, mine.get("total"), "n1 and this caller's own documents");
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1 + clients * writes, notes());
    }

    // ---- the command line -----------------------------------------------------------------------------

    @Test
    void theMainClassPrintsItsEndpointAndStopsOnSigterm() throws Exception {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), QuireServer.class.getName(),
                "--port", "0", "--memory", "--project", "cli", "--api-key", "k").redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.matches("Quire listening on http://127\\.0\\.0\\.1:\\d+/v1"), line);
            String endpoint = line.substring("Quire listening on ".length());
            HttpResponse<String> version = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/health/version")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, version.statusCode());
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "the server stopped");
        } finally {
            process.destroyForcibly();
        }
    }
}
