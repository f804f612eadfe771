package dev.quire.benchmarks.nitrite;

import dev.quire.benchmarks.DocumentStore;
import dev.quire.benchmarks.Movie;
import org.dizitart.no2.Nitrite;
import org.dizitart.no2.collection.Document;
import org.dizitart.no2.collection.FindOptions;
import org.dizitart.no2.collection.NitriteCollection;
import org.dizitart.no2.common.SortOrder;
import org.dizitart.no2.filters.Filter;
import org.dizitart.no2.index.IndexOptions;
import org.dizitart.no2.index.IndexType;
import org.dizitart.no2.mvstore.MVStoreModule;
import org.dizitart.no2.mvstore.MVStoreModuleBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.dizitart.no2.filters.FluentFilter.where;

/**
 * The peer: Nitrite 4.3 on its MVStore adapter, used the way its documentation shows, with the indexes each
 * operation needs (unique {@code uid} and {@code seq}, compound {@code (year, seq)}, {@code rating}, a
 * full-text {@code title}) and the same 64 MB cache as Quire's H2. Every write is followed by
 * {@link Nitrite#commit()}, so a returned write is in the file as it is for Quire ({@code WRITE_DELAY=0});
 * Nitrite's default would commit in the background about once a second.
 */
public final class NitriteStore implements DocumentStore {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);
    private static final int BATCH = 1_000;

    private final Nitrite db;
    private final NitriteCollection movies;

    public NitriteStore(Path directory) {
        MVStoreModuleBuilder module = MVStoreModule.withConfig().cacheSize(64);
        if (directory != null) {
            try {
                Files.createDirectories(directory);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            module.filePath(directory.toAbsolutePath().resolve("nitrite.db").toFile());
        }
        this.db = Nitrite.builder().loadModule(module.build()).openOrCreate();
        this.movies = db.getCollection("movies");
    }

    @Override
    public void createCollection() {
        // A Nitrite collection has no declared attributes: getCollection in the constructor made it.
        db.commit();
    }

    @Override
    public void createIndexes() {
        movies.createIndex(IndexOptions.indexOptions(IndexType.UNIQUE), "uid");
        movies.createIndex(IndexOptions.indexOptions(IndexType.UNIQUE), "seq");
        movies.createIndex(IndexOptions.indexOptions(IndexType.NON_UNIQUE), "year", "seq");
        movies.createIndex(IndexOptions.indexOptions(IndexType.NON_UNIQUE), "rating");
        movies.createIndex(IndexOptions.indexOptions(IndexType.FULL_TEXT), "title");
        db.commit();
    }

    @Override
    public void load(List<Movie> all) {
        String now = TIMESTAMP.format(Instant.now());
        List<Document> batch = new ArrayList<>(BATCH);
        for (Movie movie : all) {
            batch.add(document(movie, movie.number(), now));
            if (batch.size() == BATCH) {
                insert(batch);
            }
        }
        insert(batch);
    }

    private void insert(List<Document> batch) {
        if (!batch.isEmpty()) {
            movies.insert(batch.get(0), batch.subList(1, batch.size()).toArray(new Document[0]));
            db.commit();
            batch.clear();
        }
    }

    @Override
    public void compactAndClose() {
        // MVStore compacts on close.
        close();
    }

    private static Document document(Movie movie, long seq, String now) {
        return Document.createDocument("uid", movie.id())
                .put("seq", seq)
                .put("createdAt", now)
                .put("updatedAt", now)
                .put("permissions", movie.permissions())
                .put("title", movie.title())
                .put("year", movie.year())
                .put("rating", movie.rating())
                .put("active", movie.active())
                .put("genres", movie.genres());
    }

    @Override
    public void create(Movie movie) {
        movies.insert(document(movie, movie.number(), TIMESTAMP.format(Instant.now())));
        db.commit();
    }

    @Override
    public void createAll(List<Movie> movies) {
        String now = TIMESTAMP.format(Instant.now());
        Document[] documents = movies.stream().map(movie -> document(movie, movie.number(), now))
                .toArray(Document[]::new);
        this.movies.insert(documents);
        db.commit();
    }

    @Override
    public void deleteAll(List<String> ids) {
        for (String id : ids) {
            movies.remove(where("uid").eq(id));
        }
        db.commit();
    }

    /** Nitrite has no atomic increment: a read and a write, which concurrent callers could interleave. */
    @Override
    public void incrementYear(String id) {
        Document found = get(id);
        movies.update(where("uid").eq(id), Document.createDocument("year", found.get("year", Long.class) + 1)
                .put("updatedAt", TIMESTAMP.format(Instant.now())));
        db.commit();
    }

    @Override
    public Document get(String id) {
        return movies.find(where("uid").eq(id)).firstOrNull();
    }

    @Override
    public void updateRating(String id, double rating) {
        movies.update(where("uid").eq(id), Document.createDocument("rating", rating)
                .put("updatedAt", TIMESTAMP.format(Instant.now())));
        db.commit();
    }

    @Override
    public void delete(String id) {
        movies.remove(where("uid").eq(id));
        db.commit();
    }

    @Override
    public List<Document> byYear(long year) {
        return movies.find(where("year").eq(year), firstPageBy("year")).toList();
    }

    @Override
    public List<Document> ratingRange(double low) {
        return movies.find(Filter.and(where("rating").gte(low), where("rating").lt(low + 0.5)),
                firstPageBy("rating")).toList();
    }

    @Override
    public List<Document> pageAfter(String cursorId) {
        Document cursor = movies.find(where("uid").eq(cursorId)).firstOrNull();
        return movies.find(where("seq").gt(cursor.get("seq", Long.class)),
                FindOptions.orderBy("seq", SortOrder.Ascending).limit(PAGE)).toList();
    }

    @Override
    public Counted byYearCounted(long year) {
        List<Document> page = byYear(year);
        return new Counted(movies.find(where("year").eq(year)).size(), page);
    }

    @Override
    public List<Document> search(String word) {
        return movies.find(where("title").text(word), FindOptions.orderBy("seq", SortOrder.Ascending).limit(PAGE))
                .toList();
    }

    @Override
    public List<Document> byYearReadableBy(String user, long year) {
        throw new UnsupportedOperationException("Nitrite has no permissions");
    }

    /** Ordered by the filtered field, then insertion order: the page Quire and the JDBC side return. */
    private static FindOptions firstPageBy(String field) {
        return FindOptions.orderBy(field, SortOrder.Ascending).thenOrderBy("seq", SortOrder.Ascending).limit(PAGE);
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            db.close();
        }
    }
}
