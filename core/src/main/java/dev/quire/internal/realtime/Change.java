package dev.quire.internal.realtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One committed change to one document, as the unit of work hands it over after commit.
 *
 * @param action       what the write did
 * @param databaseType {@code legacy}, or {@code tablesdb} for a database made through TablesDB
 * @param payload      the document in the API's JSON shape, without relationship attributes; see {@link #payload}
 * @param access       who may read it
 */
public record Change(Action action, String databaseType, String databaseId, String collectionId, String documentId,
                     Map<String, Object> payload, ReadAccess access) {
    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(databaseType, "databaseType");
        Objects.requireNonNull(databaseId, "databaseId");
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(access, "access");
    }

    /**
     * An event payload: the document as the API returns it, without relationship attributes (Appwrite marks
     * them sensitive for realtime since 1.8.0). Shallow-copied into an unmodifiable map; a document's values are
     * immutable already, so every subscriber can be given the same map.
     *
     * @param document         a document's {@code toMap()}
     * @param relationshipKeys the collection's relationship attribute keys
     */
    public static Map<String, Object> payload(Map<String, ?> document, Set<String> relationshipKeys) {
        Map<String, Object> payload = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            if (!relationshipKeys.contains(key)) {
                payload.put(key, value);
            }
        });
        return Collections.unmodifiableMap(payload);
    }
}
