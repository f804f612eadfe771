package dev.quire.cli;

import dev.quire.Attribute;
import dev.quire.Collection;
import dev.quire.Database;
import dev.quire.Databases;
import dev.quire.Index;
import dev.quire.query.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** {@code quire inspect STORE}: what a store holds, the way {@code sqlite3 .schema} and {@code .tables} tell it. */
@Command(name = "inspect", description = "Show databases, collections, attributes, indexes, document counts and the file size.")
final class InspectCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "The store file, e.g. data/app.mv.db.")
    String store;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (Databases db = StoreFiles.openExisting(store)) {
            out.println(StoreFiles.file(store) + "  " + size(Files.size(StoreFiles.file(store))));
            for (Database database : db.list(List.of(Query.limit(5000))).getDatabases()) {
                out.println("database " + database.getId() + " \"" + database.getName() + "\""
                        + (database.isEnabled() ? "" : "  (disabled)"));
                for (Collection collection : db.listCollections(database.getId(), List.of(Query.limit(5000)))
                        .getCollections()) {
                    long count = db.listDocuments(database.getId(), collection.getId(), List.of(Query.limit(1)))
                            .getTotal();
                    out.println("  collection " + collection.getId() + " \"" + collection.getName() + "\"  " + count
                            + (count == 1 ? " document" : " documents")
                            + (collection.isDocumentSecurity() ? "  documentSecurity" : "")
                            + (collection.isEnabled() ? "" : "  (disabled)"));
                    if (!collection.getPermissions().isEmpty()) {
                        out.println("    permissions " + String.join(", ", collection.getPermissions()));
                    }
                    for (Attribute attribute : collection.getAttributes()) {
                        out.println("    attribute " + describe(attribute));
                    }
                    for (Index index : collection.getIndexes()) {
                        out.println("    index " + describe(index));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(Attribute attribute) {
        String type = attribute.getFormat() != null && attribute.getType().equals("string") ? attribute.getFormat()
                : attribute.getType();
        List<String> details = new ArrayList<>();
        if (attribute.getSize() != null) {
            type += "(" + attribute.getSize() + ")";
        }
        if (attribute.isArray()) {
            type += "[]";
        }
        if (attribute.isRequired()) {
            details.add("required");
        }
        if (attribute.getElements() != null) {
            details.add("elements " + String.join("|", attribute.getElements()));
        }
        if (attribute.getDefault() != null) {
            details.add("default " + attribute.getDefault());
        }
        return attribute.getKey() + " " + type + (details.isEmpty() ? "" : "  " + String.join(", ", details));
    }

    static String describe(Index index) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < index.getAttributes().size(); i++) {
            String order = i < index.getOrders().size() ? index.getOrders().get(i) : null;
            parts.add(index.getAttributes().get(i) + (order == null || order.isEmpty() ? "" : " " + order));
        }
        return index.getKey() + " " + index.getType() + "(" + String.join(", ", parts) + ")";
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
