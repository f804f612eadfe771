package dev.quire.internal.schema;

import dev.quire.query.Field;

import java.util.List;

/**
 * One attribute as stored in the metadata tables.
 *
 * @param size     maximum characters of a string attribute, else {@code null}
 * @param min      lower bound of an integer ({@link Long}) or float ({@link Double}) attribute, else {@code null}
 * @param max      upper bound, like {@code min}
 * @param xdefault the default in its stored Java type ({@link String}, {@link Long}, {@link Double},
 *                 {@link Boolean}), or {@code null}
 * @param elements the allowed values of an enum, else {@code null}
 */
public record AttributeDef(String key, AttributeType type, AttributeFormat format, boolean required, boolean array,
                           Long size, Number min, Number max, Object xdefault, List<String> elements,
                           String createdAt, String updatedAt) {

    public AttributeDef {
        // Not List.copyOf, which throws on a null element: the rules refuse those with Appwrite's error.
        elements = elements == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(elements));
    }

    public Field field() {
        return new Field(key, type.fieldType(), array);
    }

    /** Appwrite reports integer and float attributes as formatted ({@code intRange}/{@code floatRange}), so their
     * value errors say "invalid format"; plain strings, booleans and datetimes say "invalid type". */
    boolean reportsFormat() {
        return format != null || type.base() == AttributeType.INTEGER || type == AttributeType.FLOAT;
    }
}
