package dev.quire.query;

import java.util.Objects;

/**
 * One queryable attribute of a {@link QuerySchema}.
 *
 * @param key   the attribute key, e.g. {@code "year"} or {@code "$createdAt"}
 * @param type  how its values compare
 * @param array whether it holds a list of values
 */
public record Field(String key, FieldType type, boolean array) {

    /** Checks that key and type are present. */
    public Field {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
    }
}
