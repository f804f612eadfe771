package dev.quire.benchmarks;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.IndexType;
import dev.quire.QuireException;
import dev.quire.permissions.Caller;
import dev.quire.query.Query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quire through its public facade, called the way an application calls it: query strings built with
 * {@link Query} per call, data as a map, a caller view per permission-checked request.
 */
public final class QuireStore implements DocumentStore {
    static final String DATABASE = "bench";
    static final String COLLECTION = "movies";

    private final Databases db;
    private final Path file;

    public QuireStore(Path directory) {
        this.file = directory == null ? null : directory.toAbsolutePath().resolve("quire");
        this.db = file == null ? Databases.inMemory() : Databases.open(file);
    }

    /** The handle itself, for benchmarks of what only Quire has (transactions). */
    Databases databases() {
        return db;
    }

    @Override
    public void createCollection() {
        db.create(DATABASE, "Benchmark");
        // No collection permissions and document security on: what a user reads is decided per document.
        db.createCollection(DATABASE, COLLECTION, "Movies", List.of(), true, true);
        db.createStringAttribute(DATABASE, COLLECTION, "title", 256, true, null, false);
        db.createIntegerAttribute(DATABASE, COLLECTION, "year", true, null, null, null, false);
        db.createFloatAttribute(DATABASE, COLLECTION, "rating", false, null, null, null, false);
        db.createBooleanAttribute(DATABASE, COLLECTION, "active", false, null, false);
        db.createStringAttribute(DATABASE, COLLECTION, "genres", 32, false, null, true);
    }

    @Override
    public void createIndexes() {
        db.createIndex(DATABASE, COLLECTION, "by_year", IndexType.KEY, List.of("year"), null, null);
        db.createIndex(DATABASE, COLLECTION, "by_rating", IndexType.KEY, List.of("rating"), null, null);
        db.createIndex(DATABASE, COLLECTION, "title_search", IndexType.FULLTEXT, List.of("title"), null, null);
    }

    /** In bulk calls of 10,000 documents, each one transaction. */
    @Override
    public void load(List<Movie> movies) {
        for (int start = 0; start < movies.size(); start += 10_000) {
            createAll(movies.subList(start, Math.min(movies.size(), start + 10_000)));
        }
    }

    /** Compacts what the load's commits left in the file. */
    @Override
    public void compactAndClose() {
        db.close();
        if (file != null) {
            JdbcStore.shutdownCompact(file);
        }
    }

    @Override
    public void create(Movie movie) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", movie.title());
        data.put("year", movie.year());
        data.put("rating", movie.rating());
        data.put("active", movie.active());
        data.put("genres", movie.genres());
        db.createDocument(DATABASE, COLLECTION, movie.id(), data, movie.permissions());
    }

    @Override
    public void createAll(List<Movie> movies) {
        List<Map<String, Object>> documents = new ArrayList<>(movies.size());
        for (Movie movie : movies) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("$id", movie.id());
            data.put("$permissions", movie.permissions());
            data.put("title", movie.title());
            data.put("year", movie.year());
            data.put("rating", movie.rating());
            data.put("active", movie.active());
            data.put("genres", movie.genres());
            documents.add(data);
        }
        db.createDocuments(DATABASE, COLLECTION, documents);
    }

    @Override
    public void deleteAll(List<String> ids) {
        for (int start = 0; start < ids.size(); start += 100) {
            db.deleteDocuments(DATABASE, COLLECTION,
                    List.of(Query.equal("$id", ids.subList(start, Math.min(ids.size(), start + 100)))));
        }
    }

    @Override
    public void incrementYear(String id) {
        db.incrementDocumentAttribute(DATABASE, COLLECTION, id, "year");
    }

    @Override
    public Document get(String id) {
        try {
            return db.getDocument(DATABASE, COLLECTION, id);
        } catch (QuireException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void updateRating(String id, double rating) {
        db.updateDocument(DATABASE, COLLECTION, id, Map.of("rating", rating), null);
    }

    @Override
    public void delete(String id) {
        db.deleteDocument(DATABASE, COLLECTION, id);
    }

    @Override
    public List<Document> byYear(long year) {
        return list(db, List.of(Query.equal("year", year), Query.limit(PAGE)));
    }

    @Override
    public List<Document> ratingRange(double low) {
        return list(db, List.of(Query.greaterThanEqual("rating", low), Query.lessThan("rating", low + 0.5),
                Query.orderAsc("rating"), Query.limit(PAGE)));
    }

    @Override
    public List<Document> pageAfter(String cursorId) {
        return list(db, List.of(Query.cursorAfter(cursorId), Query.limit(PAGE)));
    }

    @Override
    public Counted byYearCounted(long year) {
        DocumentList list = db.listDocuments(DATABASE, COLLECTION,
                List.of(Query.equal("year", year), Query.limit(PAGE)), true);
        return new Counted(list.getTotal(), list.getDocuments());
    }

    @Override
    public List<Document> search(String word) {
        return list(db, List.of(Query.search("title", word), Query.limit(PAGE)));
    }

    @Override
    public List<Document> titleContains(String text) {
        return list(db, List.of(Query.contains("title", text), Query.limit(PAGE)));
    }

    @Override
    public List<Document> titleMatches(String pattern) {
        return list(db, List.of(Query.regex("title", pattern), Query.limit(PAGE)));
    }

    @Override
    public List<Document> byYearReadableBy(String user, long year) {
        return list(db.as(Caller.user(user)), List.of(Query.equal("year", year), Query.limit(PAGE)));
    }

    private static List<Document> list(Databases handle, List<String> queries) {
        return handle.listDocuments(DATABASE, COLLECTION, queries, false).getDocuments();
    }

    @Override
    public void close() {
        db.close();
    }
}
