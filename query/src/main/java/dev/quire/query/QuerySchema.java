package dev.quire.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What queries may refer to: the fields by key, and which of them have a fulltext index (the only
 * ones {@code search}/{@code notSearch} accept).
 *
 * <pre>{@code
 * QuerySchema movies = QuerySchema.forDocuments(
 *         List.of(new Field("title", FieldType.STRING, false), new Field("year", FieldType.INTEGER, false)),
 *         Set.of("title"));
 * }</pre>
 *
 * @param fields             the fields by key
 * @param fulltextAttributes keys of fields with a fulltext index on exactly that attribute
 */
public record QuerySchema(Map<String, Field> fields, Set<String> fulltextAttributes) {

    private static final List<Field> DOCUMENT_SYSTEM_FIELDS = List.of(
            new Field("$id", FieldType.STRING, false),
            new Field("$sequence", FieldType.INTEGER, false),
            new Field("$createdAt", FieldType.DATETIME, false),
            new Field("$updatedAt", FieldType.DATETIME, false));

    /** Copies both collections. */
    public QuerySchema {
        fields = Map.copyOf(fields);
        fulltextAttributes = Set.copyOf(fulltextAttributes);
    }

    /**
     * The schema of a collection's documents: its attributes plus {@code $id}, {@code $sequence},
     * {@code $createdAt} and {@code $updatedAt}, which every document has.
     *
     * @param attributes         the collection's attributes
     * @param fulltextAttributes attributes with a fulltext index
     * @return the schema
     */
    public static QuerySchema forDocuments(Collection<Field> attributes, Set<String> fulltextAttributes) {
        Map<String, Field> fields = index(attributes);
        DOCUMENT_SYSTEM_FIELDS.forEach(field -> fields.put(field.key(), field));
        return new QuerySchema(fields, fulltextAttributes);
    }

    /**
     * A schema of exactly these fields, without fulltext indexes; for listing databases, collections,
     * attributes and indexes.
     *
     * @param fields the queryable fields
     * @return the schema
     */
    public static QuerySchema of(Collection<Field> fields) {
        return new QuerySchema(index(fields), Set.of());
    }

    /**
     * A schema of exactly these fields with the given fulltext indexes.
     *
     * @param fields             the queryable fields
     * @param fulltextAttributes fields that may be searched
     * @return the schema
     */
    public static QuerySchema of(Collection<Field> fields, Set<String> fulltextAttributes) {
        return new QuerySchema(index(fields), fulltextAttributes);
    }

    private static Map<String, Field> index(Collection<Field> fields) {
        Objects.requireNonNull(fields, "fields");
        Map<String, Field> byKey = new LinkedHashMap<>();
        fields.forEach(field -> byKey.put(field.key(), field));
        return byKey;
    }
}
