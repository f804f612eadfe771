package dev.quire.query;

import dev.quire.query.internal.JsonWriter;
import java.util.Objects;

/**
 * Cursor pagination: results after or before the document with the given id.
 *
 * @param method     {@link Method#CURSOR_AFTER} or {@link Method#CURSOR_BEFORE}
 * @param documentId the id of the document the page starts from
 */
public record Cursor(Method method, String documentId) implements QueryNode {

    /** Checks that the method is a cursor and the id is present. */
    public Cursor {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(documentId, "documentId");
        if (method.kind() != Method.Kind.CURSOR) {
            throw new IllegalArgumentException("Not a cursor method: " + method.wireName());
        }
    }

    @Override
    public String toJson() {
        StringBuilder out = new StringBuilder("{\"method\":\"").append(method.wireName()).append("\",\"values\":[");
        JsonWriter.string(out, documentId);
        return out.append("]}").toString();
    }
}
