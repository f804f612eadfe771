package dev.quire.cli;

import dev.quire.Attribute;
import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code quire query STORE DATABASE COLLECTION [QUERY...]}: list documents as a table or as JSON. */
@Command(name = "query", description = {"List the documents of a collection that match Appwrite queries, in either syntax:",
        "  'equal(\"year\", [2009])'  or  '{\"method\":\"equal\",\"attribute\":\"year\",\"values\":[2009]}'",
        "25 documents unless a limit() says otherwise."})
final class QueryCommand implements Runnable {
    private static final int CELL = 40;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE")
    String store;

    @Parameters(index = "1", paramLabel = "DATABASE")
    String databaseId;

    @Parameters(index = "2", paramLabel = "COLLECTION")
    String collectionId;

    @Parameters(index = "3..*", paramLabel = "QUERY", description = "Appwrite query strings.")
    List<String> queries = new ArrayList<>();

    @Option(names = "--json", description = "Print the document list as Appwrite's JSON: {\"total\":…,\"documents\":[…]}.")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (Databases db = StoreFiles.openExisting(store)) {
            DocumentList list = db.listDocuments(databaseId, collectionId, queries);
            if (json) {
                out.println("{\"total\":" + list.getTotal() + ",\"documents\":["
                        + String.join(",", list.getDocuments().stream().map(Document::toJson).toList()) + "]}");
                return;
            }
            List<String> columns = new ArrayList<>(List.of("$id"));
            db.getCollection(databaseId, collectionId).getAttributes().stream().map(Attribute::getKey)
                    .forEach(columns::add);
            List<List<String>> rows = new ArrayList<>();
            for (Document document : list.getDocuments()) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(cell(column.equals("$id") ? document.getId() : document.get(column)));
                }
                rows.add(row);
            }
            print(out, columns, rows);
            out.println(list.getDocuments().size() + " of " + list.getTotal() + " documents");
        }
    }

    private static String cell(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        text = text.replaceAll("\\R", " ");
        return text.length() > CELL ? text.substring(0, CELL - 1) + "…" : text;
    }

    private static void print(PrintWriter out, List<String> columns, List<List<String>> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(columns, widths));
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        out.println(line(rule, widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        return line.toString().stripTrailing();
    }
}
