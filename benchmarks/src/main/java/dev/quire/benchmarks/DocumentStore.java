package dev.quire.benchmarks;

import java.util.List;

/**
 * The operations measured, over Quire, raw JDBC on the same H2, and Nitrite: one benchmark body per
 * operation calls one of these, and {@link StoreType} picks the implementation.
 *
 * <p>Every read returns the store's own fully materialised result (Quire's {@code Document}s, the JDBC
 * side's {@link Movie}s, Nitrite's {@code Document}s), never a lazy cursor. Every write is durable in the
 * store's file when the call returns: one transaction per write (Nitrite: one commit per write).
 *
 * <p>Lists return the first {@value #PAGE} matches in the collection's insertion order unless the
 * operation says otherwise, so the three stores return the same documents.
 */
public interface DocumentStore extends AutoCloseable {
    /** The page size of every list. */
    int PAGE = 25;

    /** Creates the movie collection with its five attributes, and nothing else. */
    void createCollection();

    /** Creates, after loading, the indexes every list relies on: year, rating, the full-text title and (Nitrite) uid and seq. */
    void createIndexes();

    /** Loads a dataset the fastest correct way the store offers (not timed). */
    void load(List<Movie> movies);

    /**
     * Called once on a freshly loaded template, not timed: rewrites the file compactly, as a long-lived store
     * would be after its background compaction, and closes the store.
     */
    void compactAndClose();

    /** Creates one document with its permissions. */
    void create(Movie movie);

    /**
     * Creates documents with their permissions in one call that writes all or none (Quire's
     * {@code createDocuments}; the DAO's one transaction).
     */
    void createAll(List<Movie> movies);

    /** Deletes documents by id; not timed (keeps a collection at its size between invocations). */
    void deleteAll(List<String> ids);

    /** Adds 1 to a document's year atomically (and sets {@code $updatedAt}): a counter. */
    void incrementYear(String id);

    /** The document with this id, or {@code null}. */
    Object get(String id);

    /** A partial update: sets the rating only (and {@code $updatedAt}). */
    void updateRating(String id, double rating);

    void delete(String id);

    /** {@code year = ?}, limit 25, on an index. */
    List<?> byYear(long year);

    /** {@code rating >= low AND rating < low + 0.5}, ordered by rating, limit 25. */
    List<?> ratingRange(double low);

    /** The 25 documents after {@code cursorId} in insertion order. */
    List<?> pageAfter(String cursorId);

    /** The first page of {@code year = ?} with the exact number of matches. */
    Counted byYearCounted(long year);

    /** Full-text search of the title for one word, limit 25. */
    List<?> search(String word);

    /**
     * {@code year = ?}, limit 25, keeping only documents {@code user} may read (collection without read
     * permission, document security on).
     *
     * @throws UnsupportedOperationException when the store has no permissions (Nitrite)
     */
    List<?> byYearReadableBy(String user, long year);

    /**
     * {@code contains} on the title: the first 25 titles holding the text, in insertion order. No index serves a
     * substring, so this scans until it has a page.
     *
     * @throws UnsupportedOperationException when the store has no such query (Nitrite)
     */
    default List<?> titleContains(String text) {
        throw new UnsupportedOperationException("contains is not implemented for " + getClass().getSimpleName());
    }

    /**
     * {@code regex} on the title: the first 25 titles the pattern matches, in insertion order (a scan).
     *
     * @throws UnsupportedOperationException when the store has no such query (Nitrite)
     */
    default List<?> titleMatches(String pattern) {
        throw new UnsupportedOperationException("regex is not implemented for " + getClass().getSimpleName());
    }

    @Override
    void close();

    /** A page and the total number of matches. */
    record Counted(long total, List<?> items) {
    }
}
