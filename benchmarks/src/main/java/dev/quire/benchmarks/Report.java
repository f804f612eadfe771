package dev.quire.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges JMH JSON results (the Quire and JDBC run of {@code benchmarks.jar}, the Nitrite run of
 * {@code benchmarks-nitrite.jar}, optionally a {@code -prof gc} run) into the Markdown tables of
 * {@code RESULTS.md}: ops/s ± error per store, Quire/JDBC and Quire/Nitrite, the permission ratio, and
 * bytes allocated per operation.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.quire.benchmarks.Report a.json b.json ...}
 * (what {@code benchmarks/run.sh} does).
 */
public final class Report {
    private record Score(double value, double error) {
    }

    /** One operation at one size: the scores by store, and the allocation per operation by store. */
    private static final class Row {
        final Map<String, Score> throughput = new TreeMap<>();
        final Map<String, Score> allocation = new TreeMap<>();
    }

    private Report() {
    }

    public static void main(String[] files) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Row> rows = new TreeMap<>();
        for (String file : files) {
            for (JsonNode result : json.readTree(Files.readString(Path.of(file)))) {
                String benchmark = result.get("benchmark").asString();
                String operation = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
                JsonNode params = result.get("params");
                String store = params != null && params.has("store") ? params.get("store").asString() : "QUIRE";
                String size = params != null && params.has("size") ? params.get("size").asString() : "-";
                String storage = params != null && params.has("storage") ? params.get("storage").asString() : "-";
                Row row = rows.computeIfAbsent(operation + "|" + storage + "|" + String.format("%09d",
                        size.equals("-") ? 0 : Integer.parseInt(size)), key -> new Row());
                JsonNode gc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
                if (!gc.isMissingNode()) {
                    row.allocation.put(store, score(gc));
                } else {
                    row.throughput.put(store, score(result.get("primaryMetric")));
                }
            }
        }
        System.out.println(throughput(rows));
        System.out.println(permissions(rows));
        System.out.println(durability(rows));
        System.out.println(allocation(rows));
    }

    private static Score score(JsonNode metric) {
        JsonNode error = metric.get("scoreError");
        // JMH writes "NaN" (a string) when there were too few iterations for an error.
        return new Score(metric.get("score").asDouble(), error.isNumber() ? error.asDouble() : 0);
    }

    private static String throughput(Map<String, Row> rows) {
        StringBuilder out = new StringBuilder("| operation | storage | docs | Quire ops/s | JDBC ops/s | Nitrite ops/s "
                + "| Quire/JDBC | Quire/Nitrite |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach((key, row) -> {
            if (row.throughput.isEmpty()) {
                return;
            }
            String[] parts = key.split("\\|");
            Score quire = row.throughput.get("QUIRE");
            Score jdbc = row.throughput.get("JDBC");
            Score nitrite = row.throughput.get("NITRITE");
            out.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ")
                    .append(docs(parts[2])).append(" | ").append(ops(quire)).append(" | ").append(ops(jdbc))
                    .append(" | ").append(ops(nitrite)).append(" | ").append(ratio(quire, jdbc)).append(" | ")
                    .append(ratio(quire, nitrite)).append(" |\n");
        });
        return out.toString();
    }

    private static String permissions(Map<String, Row> rows) {
        StringBuilder out = new StringBuilder("| permission-filtered list / root list | storage | docs | Quire | JDBC |\n"
                + "|---|---|---:|---:|---:|\n");
        List<String> lines = new ArrayList<>();
        rows.forEach((key, row) -> {
            if (!key.startsWith("PermissionBenchmark.asUser|")) {
                return;
            }
            String rootKey = key.replace("asUser", "asRoot");
            Row root = rows.get(rootKey);
            if (root == null) {
                return;
            }
            String[] parts = key.split("\\|");
            lines.add("| asUser / asRoot | " + parts[1] + " | " + docs(parts[2]) + " | "
                    + ratio(row.throughput.get("QUIRE"), root.throughput.get("QUIRE")) + " | "
                    + ratio(row.throughput.get("JDBC"), root.throughput.get("JDBC")) + " |\n");
        });
        lines.forEach(out::append);
        return out.toString();
    }

    /** Writes on the floor with and without {@code WRITE_DELAY=0}, where both were run. */
    private static String durability(Map<String, Row> rows) {
        StringBuilder out = new StringBuilder("| operation | storage | docs | JDBC, WRITE_DELAY=0 | JDBC, H2 default "
                + "(500 ms) | ratio |\n|---|---|---:|---:|---:|---:|\n");
        rows.forEach((key, row) -> {
            Score delayed = row.throughput.get("JDBC_DELAYED");
            if (delayed == null) {
                return;
            }
            String[] parts = key.split("\\|");
            Score durable = row.throughput.get("JDBC");
            out.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ").append(docs(parts[2]))
                    .append(" | ").append(ops(durable)).append(" | ").append(ops(delayed)).append(" | ")
                    .append(ratio(durable, delayed)).append(" |\n");
        });
        return out.toString();
    }

    private static String allocation(Map<String, Row> rows) {
        StringBuilder out = new StringBuilder("| operation (-prof gc) | storage | docs | Quire B/op | JDBC B/op |\n"
                + "|---|---|---:|---:|---:|\n");
        rows.forEach((key, row) -> {
            if (row.allocation.isEmpty()) {
                return;
            }
            String[] parts = key.split("\\|");
            out.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ").append(docs(parts[2]))
                    .append(" | ").append(bytes(row.allocation.get("QUIRE"))).append(" | ")
                    .append(bytes(row.allocation.get("JDBC"))).append(" |\n");
        });
        return out.toString();
    }

    private static String docs(String padded) {
        long docs = Long.parseLong(padded);
        return docs == 0 ? "-" : String.format(Locale.ROOT, "%,d", docs);
    }

    private static String ops(Score score) {
        if (score == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,.0f ± %,.0f", score.value(), score.error());
    }

    private static String bytes(Score score) {
        return score == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", score.value());
    }

    private static String ratio(Score a, Score b) {
        if (a == null || b == null || b.value() == 0) {
            return "n/a";
        }
        double ratio = a.value() / b.value();
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.3f×" : "%.2f×", ratio);
    }
}
