package dev.quire.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quire.Databases;
import dev.quire.QuireException;
import dev.quire.internal.Json;
import dev.quire.permissions.Caller;
import dev.quire.permissions.PermissionException;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CountDownLatch;

/**
 * Appwrite's REST API for Databases and TablesDB over a Quire store, so code written for the official SDKs
 * (node-appwrite, sdk-for-kotlin, the web SDK) runs against Quire with only the endpoint changed.
 *
 * <pre>{@code
 * try (Databases db = Databases.inMemory();
 *      QuireServer server = QuireServer.start(db, QuireServer.Options.defaults().project("demo").apiKey("secret"))) {
 *     String endpoint = server.endpoint();                        // http://127.0.0.1:PORT/v1
 *     String jwt = server.jwt(Caller.user("u1").verified());      // for X-Appwrite-JWT
 *     // new Client().setEndpoint(endpoint).setProject("demo").setKey("secret") …
 * }
 * }</pre>
 *
 * <p>From the command line: {@code java -jar quire-server.jar --port 8080 --data ./data --project demo
 * --api-key secret} (or {@code --memory} instead of {@code --data}; {@code --port 0} picks a free port).
 *
 * <p>Identity, as Appwrite has it: {@code X-Appwrite-Key} equal to the API key is the root handle;
 * {@code X-Appwrite-JWT} carries a caller minted by {@link #jwt(Caller)} or {@code POST /v1/quire/jwt};
 * neither is a guest. Every request must name the project in {@code X-Appwrite-Project}.
 *
 * <p>HTTP is the JDK's own {@code com.sun.net.httpserver}: no dependency to keep current, HTTP/1.1 keep-alive,
 * and a handler per request on a fixed pool. What it adds to a call (a hand-off to a worker thread, the
 * request parsed, JSON written) is measured in benchmarks/RESULTS.md, "The REST server"; what it lacks
 * (HTTP/2, TLS) an emulator for local development and tests does not need.
 */
public final class QuireServer implements AutoCloseable {
    /** The server version Quire answers as, the one node-appwrite 27.1.0 is built for (no version warning). */
    static final String APPWRITE_VERSION = "1.9.5";

    private static final List<Integer> APPWRITE_STATUSES =
            List.of(400, 401, 402, 403, 404, 405, 408, 409, 412, 416, 422, 429, 451, 501, 503);
    private static final String ALLOWED_HEADERS = "Origin, Cookie, Set-Cookie, X-Requested-With, Content-Type, "
            + "Access-Control-Allow-Origin, Access-Control-Request-Headers, Accept, X-Appwrite-Project, "
            + "X-Appwrite-Key, X-Appwrite-Dev-Key, X-Appwrite-Locale, X-Appwrite-Mode, X-Appwrite-JWT, "
            + "X-Appwrite-Response-Format, X-Appwrite-Timeout, X-Appwrite-ID, X-Appwrite-Timestamp, "
            + "X-Appwrite-Session, X-SDK-Version, X-SDK-Name, X-SDK-Language, X-SDK-Platform, X-SDK-GraphQL, "
            + "X-Fallback-Cookies, X-Forwarded-For, X-Forwarded-User-Agent, Content-Range, Range, Cache-Control, "
            + "Expires, Pragma";
    /** Bounds the work a hostile query string can cause before the store's own limits apply. */
    private static final int MAX_QUERY_PARAMS = 1000;

    static {
        // The JDK server writes a response's headers and body as two segments; with Nagle's algorithm on, the
        // body waits for the client's delayed ACK of the headers: 40 ms a request on Linux loopback
        // (RestLoopback measured p50 48 ms without this, microseconds with it). Read once, when the JDK's
        // server configuration loads; an explicit -Dsun.net.httpserver.nodelay wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Databases db;
    private final Options options;
    private final HttpServer http;
    private final ExecutorService workers;
    private final Tokens tokens;
    private final Api api = new Api();
    private final byte[] apiKey;

    private QuireServer(Databases db, Options options) throws IOException {
        this.db = db;
        this.options = options;
        this.apiKey = options.apiKey.getBytes(StandardCharsets.UTF_8);
        this.tokens = new Tokens(options.jwtTtl, Clock.systemUTC());
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.host), options.port), 128);
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(options.threads, options.threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "quire-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        http.setExecutor(workers);
        http.createContext("/", this::handle);
        http.start();
    }

    /**
     * Starts serving a store; the server uses the handle (the root handle for {@code X-Appwrite-Key}, its
     * {@link Databases#as(Caller) views} for the others) and does not close it.
     *
     * @param db      the store to serve, usually a root handle
     * @param options port, project id, API key, …
     * @return a running server; {@link #close()} stops it
     * @throws QuireException {@code general_server_error} when the port cannot be bound
     */
    public static QuireServer start(Databases db, Options options) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(options, "options");
        try {
            return new QuireServer(db, options);
        } catch (IOException e) {
            throw new QuireException("general_server_error", 500,
                    "Cannot listen on " + options.host + ":" + options.port + ": " + e.getMessage(), e);
        }
    }

    /** @return the port the server listens on (the chosen one when started with port 0) */
    public int port() {
        return http.getAddress().getPort();
    }

    /** @return the endpoint to give an SDK, {@code http://127.0.0.1:PORT/v1} */
    public String endpoint() {
        String host = http.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : options.host;
        return "http://" + host + ":" + port() + "/v1";
    }

    /**
     * A JSON Web Token for {@code X-Appwrite-JWT} that makes requests run as this caller, valid on this server
     * until the options' JWT lifetime passes.
     *
     * @param caller a signed-in caller (not a guest: a guest sends no token)
     * @return the token
     */
    public String jwt(Caller caller) {
        return tokens.mint(Objects.requireNonNull(caller, "caller"));
    }

    /** Stops accepting requests, lets running ones finish (up to a second) and stops; the store stays open. */
    @Override
    public void close() {
        http.stop(1);
        workers.shutdown();
    }

    // ---- one request ----------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            cors(exchange.getRequestHeaders(), headers);
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            Service service = Service.DATABASES;
            int status;
            Object body;
            try {
                Map<String, String> ids = new HashMap<>();
                List<String> segments = segments(exchange.getRequestURI().getRawPath());
                Route route = api.find(exchange.getRequestMethod(), segments, ids);
                Route.Reply reply;
                if (route == null) {
                    reply = special(exchange, segments);
                } else {
                    service = route.service();
                    reply = serve(exchange, route, ids);
                }
                status = reply.status();
                body = reply.model() == null ? null
                        : service.json(reply.model(), sequenceAsString(exchange.getRequestHeaders()));
            } catch (QuireException e) {
                QuireException reported = service.error(e);
                status = APPWRITE_STATUSES.contains(reported.getCode()) ? reported.getCode() : 500;
                body = error(reported);
            } catch (RuntimeException e) {
                System.getLogger(QuireServer.class.getName()).log(System.Logger.Level.ERROR,
                        "Unexpected failure on " + exchange.getRequestMethod() + " " + exchange.getRequestURI(), e);
                status = 500;
                body = error(HttpErrors.server());
            }
            send(exchange, status, body);
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    private Route.Reply serve(HttpExchange exchange, Route route, Map<String, String> ids) throws IOException {
        Headers request = exchange.getRequestHeaders();
        checkProject(request);
        Caller caller = caller(request);
        Map<String, Object> params = exchange.getRequestMethod().equals("GET")
                ? queryParams(exchange.getRequestURI().getRawQuery())
                : body(exchange);
        Databases view = caller == null ? db : db.as(caller);
        return route.handler().handle(new Route.Call(route.service(), ids, new Params(params), view));
    }

    /** Quire's own routes beside Appwrite's: minting JWTs and the version probe. */
    private Route.Reply special(HttpExchange exchange, List<String> segments) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && segments.equals(List.of("quire", "jwt"))) {
            checkProject(exchange.getRequestHeaders());
            if (caller(exchange.getRequestHeaders()) != null) {
                throw new QuireException("general_unauthorized_scope", 401,
                        "Minting a JWT needs the API key (missing scope: users.write)");
            }
            return Route.Reply.created(Map.of("jwt", jwt(callerOf(new Params(body(exchange))))));
        }
        if (method.equals("GET") && segments.equals(List.of("health", "version"))) {
            return Route.Reply.ok(Map.of("version", APPWRITE_VERSION));
        }
        throw HttpErrors.routeNotFound();
    }

    /** The body of {@code POST /v1/quire/jwt}: {@code {"userId":"u1","verified":true,"teams":{"t1":["owner"]},"labels":["admin"]}}. */
    private static Caller callerOf(Params p) {
        try {
            Caller caller = Caller.user(p.requiredString("userId"));
            if (p.bool("verified", false)) {
                caller = caller.verified();
            }
            Map<String, Object> teams = p.object("teams");
            if (teams != null) {
                for (Map.Entry<String, Object> team : teams.entrySet()) {
                    List<String> roles = new Params(Map.of("teams", team.getValue())).strings("teams");
                    caller = caller.team(team.getKey(), roles.toArray(String[]::new));
                }
            }
            List<String> labels = p.strings("labels");
            for (String label : labels == null ? List.<String>of() : labels) {
                caller = caller.label(label);
            }
            return caller;
        } catch (PermissionException e) {
            throw HttpErrors.argument("Invalid caller: " + e.getMessage());
        }
    }

    private void checkProject(Headers request) {
        String project = request.getFirst("X-Appwrite-Project");
        if (project == null || project.isEmpty()) {
            throw HttpErrors.projectUnknown();
        }
        if (!project.equals(options.project)) {
            throw HttpErrors.projectNotFound();
        }
    }

    /** The caller a request runs as: {@code null} for the API key (the root handle). */
    private Caller caller(Headers request) {
        String key = request.getFirst("X-Appwrite-Key");
        if (key != null) {
            if (!MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), apiKey)) {
                throw HttpErrors.keyInvalid();
            }
            return null;
        }
        String jwt = request.getFirst("X-Appwrite-JWT");
        return jwt == null ? Caller.guest() : tokens.verify(jwt);
    }

    /** Whether the client's response format (1.9.0 and newer) wants {@code $sequence} as a string. */
    private static boolean sequenceAsString(Headers request) {
        String format = request.getFirst("X-Appwrite-Response-Format");
        if (format == null) {
            return true;
        }
        String[] parts = format.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 1 || (major == 1 && minor >= 9);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The decoded path segments under {@code /v1}; a trailing slash is ignored. */
    private static List<String> segments(String rawPath) {
        if (rawPath == null || !(rawPath.equals("/v1") || rawPath.startsWith("/v1/"))) {
            throw HttpErrors.routeNotFound();
        }
        String rest = rawPath.substring(3);
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        List<String> segments = new ArrayList<>();
        if (rest.isEmpty()) {
            return segments;
        }
        for (String raw : rest.substring(1).split("/", -1)) {
            segments.add(decode(raw.replace("+", "%2B")));
        }
        return segments;
    }

    /**
     * The query string's params. Arrays come as {@code queries[]=…} (Kotlin, the docs) or {@code queries[0]=…}
     * (node-appwrite); both become one list in the order given.
     */
    private static Map<String, Object> queryParams(String rawQuery) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        String[] pairs = rawQuery.split("&");
        if (pairs.length > MAX_QUERY_PARAMS) {
            throw HttpErrors.argument("The query string has more than " + MAX_QUERY_PARAMS + " params.");
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            int bracket = name.indexOf('[');
            if (bracket > 0 && name.endsWith("]")) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) params.computeIfAbsent(name.substring(0, bracket),
                        k -> new ArrayList<>());
                list.add(value);
            } else {
                params.put(name, value);
            }
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpErrors.argument("The request URL is not correctly percent-encoded.");
        }
    }

    /** The JSON object in the body (an empty body is no params), within the size limit. */
    private Map<String, Object> body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(options.maxBodyBytes + 1);
        }
        if (bytes.length > options.maxBodyBytes) {
            throw HttpErrors.argument("The request body is larger than " + options.maxBodyBytes + " bytes.");
        }
        if (bytes.length == 0) {
            return Map.of();
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw HttpErrors.argument("Unsupported Content-Type " + (type == null ? "(none)" : "'" + type + "'")
                    + ": send the body as application/json.");
        }
        try {
            Object parsed = Json.MAPPER.readValue(bytes, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> params = (Map<String, Object>) map;
                return params;
            }
        } catch (JacksonException e) {
            throw HttpErrors.argument("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        throw HttpErrors.argument("The request body must be a JSON object.");
    }

    private static Map<String, Object> error(QuireException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        body.put("code", e.getCode());
        body.put("type", e.getType());
        body.put("version", APPWRITE_VERSION);
        return body;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** CORS for a browser page using the web SDK: the page's origin is allowed, with credentials. */
    private static void cors(Headers request, Headers response) {
        String origin = request.getFirst("Origin");
        response.set("Access-Control-Allow-Origin", origin == null ? "*" : origin);
        if (origin != null) {
            response.set("Access-Control-Allow-Credentials", "true");
            response.set("Vary", "Origin");
        }
        response.set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        response.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.set("Access-Control-Expose-Headers", "X-Appwrite-Session, X-Fallback-Cookies, X-Appwrite-Warning");
        response.set("Access-Control-Max-Age", "86400");
    }

    // ---- options and the command line -----------------------------------------------------------------

    /**
     * How a server listens and whom it lets in. Immutable: each method returns a changed copy.
     *
     * <pre>{@code
     * QuireServer.Options.defaults().port(8080).project("demo").apiKey("secret")
     * }</pre>
     */
    public static final class Options {
        private final String host;
        private final int port;
        private final String project;
        private final String apiKey;
        private final Duration jwtTtl;
        private final int maxBodyBytes;
        private final int threads;

        private Options(String host, int port, String project, String apiKey, Duration jwtTtl, int maxBodyBytes,
                        int threads) {
            this.host = host;
            this.port = port;
            this.project = project;
            this.apiKey = apiKey;
            this.jwtTtl = jwtTtl;
            this.maxBodyBytes = maxBodyBytes;
            this.threads = threads;
        }

        /**
         * Loopback, a free port, project {@code quire}, API key {@code quire}, JWTs valid for 15 minutes (as
         * Appwrite's), bodies up to 16 MiB, 16 worker threads.
         *
         * @return the defaults
         */
        public static Options defaults() {
            return new Options("127.0.0.1", 0, "quire", "quire", Duration.ofMinutes(15), 16 << 20, 16);
        }

        /** @param host the address to listen on, {@code 127.0.0.1} by default; {@code 0.0.0.0} for every interface */
        public Options host(String host) {
            return new Options(Objects.requireNonNull(host, "host"), port, project, apiKey, jwtTtl, maxBodyBytes,
                    threads);
        }

        /** @param port the TCP port, 0 for any free one */
        public Options port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
            }
            return new Options(host, port, project, apiKey, jwtTtl, maxBodyBytes, threads);
        }

        /** @param project the project id clients must send in {@code X-Appwrite-Project} */
        public Options project(String project) {
            return new Options(host, port, requireText(project, "project"), apiKey, jwtTtl, maxBodyBytes, threads);
        }

        /** @param apiKey the secret that makes {@code X-Appwrite-Key} requests the root handle */
        public Options apiKey(String apiKey) {
            return new Options(host, port, project, requireText(apiKey, "apiKey"), jwtTtl, maxBodyBytes, threads);
        }

        /** @param ttl how long a minted JWT stays valid */
        public Options jwtTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("jwtTtl must be positive");
            }
            return new Options(host, port, project, apiKey, ttl, maxBodyBytes, threads);
        }

        /** @param bytes the largest request body accepted; larger ones get {@code general_argument_invalid} */
        public Options maxBodyBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
            }
            return new Options(host, port, project, apiKey, jwtTtl, bytes, threads);
        }

        /** @param threads how many requests run at once */
        public Options threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            return new Options(host, port, project, apiKey, jwtTtl, maxBodyBytes, threads);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
            return value;
        }
    }

    /**
     * Runs a server until SIGTERM or Ctrl-C:
     * {@code --port N} (0: any free port), {@code --data DIR} or {@code --memory}, {@code --project ID},
     * {@code --api-key KEY}, {@code --host ADDRESS}. Prints {@code Quire listening on http://127.0.0.1:PORT/v1}
     * once it accepts requests.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Options options = Options.defaults().port(8080);
        Path data = null;
        boolean memory = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> options = options.port(Integer.parseInt(value(args, ++i)));
                    case "--data" -> data = Path.of(value(args, ++i));
                    case "--memory" -> memory = true;
                    case "--project" -> options = options.project(value(args, ++i));
                    case "--api-key" -> options = options.apiKey(value(args, ++i));
                    case "--host" -> options = options.host(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (memory == (data != null)) {
                throw new IllegalArgumentException("give exactly one of --data DIR and --memory");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("quire-server: " + e.getMessage());
            System.err.println("usage: java -jar quire-server.jar [--port 8080] (--data DIR | --memory) "
                    + "[--project quire] [--api-key quire] [--host 127.0.0.1]");
            System.exit(2);
            return;
        }
        Databases db = memory ? Databases.inMemory() : Databases.open(data.resolve("quire"));
        QuireServer server = start(db, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }, "quire-shutdown"));
        System.out.println("Quire listening on " + server.endpoint());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
