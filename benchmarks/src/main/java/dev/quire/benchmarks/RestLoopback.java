package dev.quire.benchmarks;

import dev.quire.Databases;
import dev.quire.IndexType;
import dev.quire.query.Query;
import dev.quire.server.QuireServer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * What the REST server costs: {@code getDocument} and a 25-document {@code listDocuments}, called in process
 * and over HTTP/1.1 keep-alive on loopback, from 1 and 16 client threads, on one file store. Not JMH: a bounded
 * loopback harness that times every call, so it can report p50 and p99 beside the throughput.
 *
 * <p>The HTTP client is a minimal one written here (one socket per thread, a fixed request, the response read
 * to its Content-Length), so the figures are the server's cost plus loopback, not a client library's.
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.quire.benchmarks.RestLoopback [warmupSeconds] [measureSeconds]
 * </pre>
 */
public final class RestLoopback {
    static final String DB = "bench";
    static final String COLLECTION = "movies";
    static final int DOCUMENTS = 1_000;
    private static final String KEY = "bench-key";
    private static final String PROJECT = "bench";

    private RestLoopback() {
    }

    /** One measured scenario: calls per second and latency percentiles in microseconds. */
    record Result(String operation, String transport, int threads, double perSecond, double p50, double p99) {
    }

    public static void main(String[] args) throws Exception {
        double warmup = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        double measure = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        for (String line : table(run(DOCUMENTS, warmup, measure))) {
            System.out.println(line);
        }
    }

    /** Runs every scenario on a fresh file store of {@code documents} documents in a temporary directory. */
    static List<Result> run(int documents, double warmupSeconds, double measureSeconds) throws Exception {
        Path directory = Files.createTempDirectory("quire-rest-bench");
        List<Result> results = new ArrayList<>();
        try (Databases db = Databases.open(directory.resolve("store"));
             QuireServer server = QuireServer.start(db, QuireServer.Options.defaults().project(PROJECT).apiKey(KEY))) {
            load(db, documents);
            String path = "/v1/databases/" + DB + "/collections/" + COLLECTION + "/documents";
            for (int threads : new int[] {1, 16}) {
                results.add(measure("getDocument", "in-process", threads, warmupSeconds, measureSeconds,
                        t -> i -> db.getDocument(DB, COLLECTION, id(i, documents))));
                results.add(measure("getDocument", "HTTP", threads, warmupSeconds, measureSeconds,
                        t -> http(server.port(), i -> path + "/" + id(i, documents))));
                results.add(measure("listDocuments (25)", "in-process", threads, warmupSeconds, measureSeconds,
                        t -> i -> db.listDocuments(DB, COLLECTION, page(i))));
                results.add(measure("listDocuments (25)", "HTTP", threads, warmupSeconds, measureSeconds,
                        t -> http(server.port(), i -> path + "?" + encoded(page(i)))));
            }
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        return results;
    }

    private static void load(Databases db, int documents) {
        db.create(DB, "Bench");
        db.createCollection(DB, COLLECTION, "Movies", List.of(), false, true);
        db.createStringAttribute(DB, COLLECTION, "title", 256, true, null, false);
        db.createIntegerAttribute(DB, COLLECTION, "year", true, null, null, null, false);
        db.createFloatAttribute(DB, COLLECTION, "rating", false, null, null, null, false);
        db.createIndex(DB, COLLECTION, "by_year", IndexType.KEY, List.of("year"), null, null);
        for (int i = 0; i < documents; i++) {
            db.createDocument(DB, COLLECTION, "m" + i, Map.of("title", "Movie number " + i, "year", 1920 + i % 100,
                    "rating", (i % 101) / 10.0), List.of());
        }
    }

    /** The i-th key of a sequence that visits every document in a scattered order. */
    static String id(int i, int documents) {
        return "m" + Math.floorMod(i * 7919L, documents);
    }

    /** 25 documents from a year on: every year from 1920 to 1979 has at least 25 after it (from 100 documents). */
    private static List<String> page(int i) {
        return List.of(Query.greaterThanEqual("year", 1920 + i % 60), Query.limit(25));
    }

    private static String encoded(List<String> queries) {
        StringBuilder query = new StringBuilder();
        for (int q = 0; q < queries.size(); q++) {
            query.append(q == 0 ? "" : "&").append("queries%5B").append(q).append("%5D=")
                    .append(URLEncoder.encode(queries.get(q), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** One call, given a counter that cycles through keys. */
    interface Call {
        void run(int i) throws Exception;
    }

    private static Result measure(String operation, String transport, int threads, double warmupSeconds,
                                  double measureSeconds, IntFunction<Call> perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Call call = perThread.apply(thread);
                    int i = thread * 131;
                    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
                    while (System.nanoTime() < warmupEnd) {
                        call.run(i++);
                    }
                    start.await();
                    long[] latencies = new long[1 << 19];
                    int n = 0;
                    long end = System.nanoTime() + (long) (measureSeconds * 1e9);
                    long now = System.nanoTime();
                    while (now < end && n < latencies.length) {
                        call.run(i++);
                        long after = System.nanoTime();
                        latencies[n++] = after - now;
                        now = after;
                    }
                    if (call instanceof AutoCloseable closeable) {
                        closeable.close();
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            double seconds = all.stream().mapToDouble(l -> Arrays.stream(l).sum() / 1e9).max().orElse(measureSeconds);
            return new Result(operation, transport, threads, merged.length / seconds,
                    merged[(int) (merged.length * 0.50)] / 1e3, merged[(int) (merged.length * 0.99)] / 1e3);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A keep-alive HTTP/1.1 connection that GETs a path and reads the whole response; fails on a non-200. */
    private static Call http(int port, IntFunction<String> path) {
        return new HttpCall(port, path);
    }

    private static final class HttpCall implements Call, AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final IntFunction<String> path;

        HttpCall(int port, IntFunction<String> path) {
            this.path = path;
            try {
                socket = new Socket("127.0.0.1", port);
                socket.setTcpNoDelay(true);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void run(int i) throws IOException {
            out.write(("GET " + path.apply(i) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Appwrite-Project: " + PROJECT
                    + "\r\nX-Appwrite-Key: " + KEY + "\r\nX-Appwrite-Response-Format: 1.9.5\r\n"
                    + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("unexpected answer: " + status);
            }
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).trim());
                }
            }
            if (length < 0) {
                throw new IllegalStateException("no Content-Length");
            }
            in.skipNBytes(length);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The results as Markdown: each HTTP row beside its in-process row, with the ratio and the added p50. */
    static List<String> table(List<Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add("| operation | threads | in-process calls/s | in-process p50 / p99 (µs) | HTTP req/s | HTTP p50 / p99 (µs) "
                + "| HTTP / in-process throughput | added p50 (µs) |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Result local : results) {
            if (!local.transport().equals("in-process")) {
                continue;
            }
            Result remote = results.stream().filter(r -> r.transport().equals("HTTP")
                    && r.operation().equals(local.operation()) && r.threads() == local.threads()).findFirst().orElseThrow();
            lines.add(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.0f / %.0f | %,.0f | %.0f / %.0f | %.2f× | %.0f |",
                    local.operation(), local.threads(), local.perSecond(), local.p50(), local.p99(),
                    remote.perSecond(), remote.p50(), remote.p99(), remote.perSecond() / local.perSecond(),
                    remote.p50() - local.p50()));
        }
        return lines;
    }
}
