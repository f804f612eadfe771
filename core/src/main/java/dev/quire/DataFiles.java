package dev.quire;

import dev.quire.internal.Json;
import dev.quire.query.Query;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Documents in files: fixtures (a JSON array) and JSON lines (one document per line), both in Appwrite's
 * document shape. {@code $databaseId} and {@code $collectionId} (or 1.8's {@code $tableId}) say where a
 * document goes; {@code $id} and {@code $permissions} are kept; {@code $sequence}, {@code $createdAt} and
 * {@code $updatedAt} are given anew by the store; the other fields are the attributes.
 *
 * <pre>{@code
 * DataFiles.exportLines(db, Path.of("backup.jsonl"), Progress.NONE);   // the schema, then every document
 * DataFiles.importLines(other, Path.of("backup.jsonl"), Progress.NONE);
 * }</pre>
 *
 * <p>Every read is complete before anything is written: a line that is not a JSON object stops the import
 * with its line number and nothing is written. Documents are then written collection by collection, and
 * each collection all or nothing: a document the store refuses is reported with its line number and its
 * collection is left as it was (collections written before it keep their new documents).
 */
public final class DataFiles {
    /** The key of the JSON lines file's first line, which holds the schema in {@code appwrite.json} form. */
    public static final String SCHEMA_KEY = "$schema";
    private static final int PAGE = 1000;

    /** Told how far a long import or export has come, for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        /** Reports nothing. */
        Progress NONE = (done, total) -> {
        };

        /**
         * @param done  documents written so far
         * @param total documents to write in all
         */
        void update(long done, long total);
    }

    /** A document read from a file, with where it came from for error messages. */
    private record Entry(String databaseId, String collectionId, String id, List<String> permissions,
                         Map<String, Object> data, String where) {
    }

    private DataFiles() {
    }

    /**
     * Loads fixtures: a JSON array of documents.
     *
     * @param source names the file in error messages
     * @return the number of documents created
     * @throws QuireException {@code general_argument_invalid} for a malformed file or entry, or the store's
     *                        error for a document it refuses, prefixed with the entry's position
     */
    public static long load(Databases db, InputStream in, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw invalid(source + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw invalid(source + " must hold a JSON array of documents");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root) {
            entries.add(entry(node, source + ", document " + (entries.size() + 1)));
        }
        write(db, entries, Progress.NONE);
        return entries.size();
    }

    /**
     * Writes the store as JSON lines: first the schema ({@code {"$schema": {…appwrite.json…}}}), then every
     * document of every collection, one per line.
     *
     * @return the number of documents written
     */
    public static long exportLines(Databases db, Path file, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(Json.write(Map.of(SCHEMA_KEY, Schemas.toJson(db, Schemas.Form.TABLES))));
            out.newLine();
            List<Collection> collections = new ArrayList<>();
            long total = 0;
            for (Database database : Schemas.all(cursor -> db.list(cursor).getDatabases(), Database::getId)) {
                for (Collection collection : Schemas.all(cursor -> db.listCollections(database.getId(), cursor)
                        .getCollections(), Collection::getId)) {
                    collections.add(collection);
                    total += db.listDocuments(database.getId(), collection.getId(), List.of(Query.limit(1))).getTotal();
                }
            }
            long done = 0;
            progress.update(0, total);
            for (Collection collection : collections) {
                List<Document> page = db.listDocuments(collection.getDatabaseId(), collection.getId(),
                        List.of(Query.limit(PAGE)), false).getDocuments();
                while (!page.isEmpty()) {
                    for (Document document : page) {
                        out.write(document.toJson());
                        out.newLine();
                    }
                    done += page.size();
                    progress.update(done, total);
                    if (page.size() < PAGE) {
                        break;
                    }
                    page = db.listDocuments(collection.getDatabaseId(), collection.getId(), List.of(Query.limit(PAGE),
                            Query.cursorAfter(page.get(page.size() - 1).getId())), false).getDocuments();
                }
            }
            return done;
        } catch (IOException e) {
            throw new QuireException("general_server_error", 500, "Cannot write " + file.getFileName() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads JSON lines written by {@link #exportLines} (or by hand: the schema line is optional) into the
     * store: the schema is applied as {@link Schemas#apply} does, then the documents are created.
     *
     * @return the number of documents created
     * @throws QuireException {@code general_argument_invalid} naming the line of a malformed entry (nothing
     *                        is written), or the store's error for a refused document, naming its line (its
     *                        collection is left as it was)
     */
    public static long importLines(Databases db, Path file, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        List<Entry> entries = new ArrayList<>();
        JsonNode schema = null;
        // Messages name the file, not its path: they may travel further than the machine's paths should.
        String name = String.valueOf(file.getFileName());
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = name + " line " + number;
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(line);
                } catch (JacksonException e) {
                    throw invalid(where + " is not valid JSON: " + e.getOriginalMessage());
                }
                if (node.isObject() && node.has(SCHEMA_KEY)) {
                    if (schema != null || !entries.isEmpty()) {
                        throw invalid(where + ": the schema may only be the first line");
                    }
                    schema = node.get(SCHEMA_KEY);
                    continue;
                }
                entries.add(entry(node, where));
            }
        } catch (IOException e) {
            throw new QuireException("general_argument_invalid", 400, "Cannot read " + name + ": "
                    + e.getClass().getSimpleName(), e);
        }
        if (schema != null) {
            Schemas.apply(db, new ByteArrayInputStream(Json.write(schema).getBytes(StandardCharsets.UTF_8)),
                    name + " line 1 (the schema)");
        }
        write(db, entries, progress);
        return entries.size();
    }

    private static Entry entry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where + " is not a JSON object");
        }
        Map<String, Object> map = Json.MAPPER.convertValue(node, Json.MAPPER.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        String databaseId = string(map, "$databaseId", where);
        String collectionId = map.containsKey("$tableId") ? string(map, "$tableId", where)
                : string(map, "$collectionId", where);
        if (databaseId == null || collectionId == null) {
            throw invalid(where + " needs \"$databaseId\" and \"$collectionId\" (or \"$tableId\")");
        }
        String id = string(map, "$id", where);
        List<String> permissions = null;
        Object given = map.get("$permissions");
        if (given != null) {
            if (!(given instanceof List<?> list) || list.stream().anyMatch(p -> !(p instanceof String))) {
                throw invalid(where + ": \"$permissions\" must be an array of strings");
            }
            permissions = list.stream().map(String.class::cast).toList();
        }
        Map<String, Object> data = new LinkedHashMap<>(map);
        data.keySet().removeIf(key -> key.startsWith("$"));
        return new Entry(databaseId, collectionId, id == null ? ID.unique() : id, permissions, data, where);
    }

    private static String string(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value != null && !(value instanceof String)) {
            throw invalid(where + ": \"" + key + "\" must be a string");
        }
        return (String) value;
    }

    /** Writes collection by collection, in the order collections first appear; each collection all or nothing. */
    private static void write(Databases db, List<Entry> entries, Progress progress) {
        Map<List<String>, List<Entry>> byCollection = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byCollection.computeIfAbsent(List.of(entry.databaseId(), entry.collectionId()), k -> new ArrayList<>())
                    .add(entry);
        }
        long done = 0;
        progress.update(0, entries.size());
        for (List<Entry> collection : byCollection.values()) {
            List<Entry> written = new ArrayList<>();
            for (Entry entry : collection) {
                try {
                    db.createDocument(entry.databaseId(), entry.collectionId(), entry.id(), entry.data(),
                            entry.permissions());
                    written.add(entry);
                } catch (QuireException e) {
                    for (Entry undo : written) {
                        try {
                            db.deleteDocument(undo.databaseId(), undo.collectionId(), undo.id());
                        } catch (QuireException undoFailed) {
                            e.addSuppressed(undoFailed);
                        }
                    }
                    throw new QuireException(e.getType(), e.getCode(), entry.where() + ": " + e.getMessage(), e);
                }
                if (++done % PAGE == 0) {
                    progress.update(done, entries.size());
                }
            }
        }
        progress.update(done, entries.size());
    }

    private static QuireException invalid(String message) {
        return new QuireException("general_argument_invalid", 400, message);
    }
}
