package dev.quire.internal.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A document row as read: system fields, permission strings in their order, attribute values by key. */
public record StoredDocument(long seq, String id, String createdAt, String updatedAt, List<String> permissions,
                             Map<String, Object> data) {

    /** Every queryable field's value, for a cursor's keyset. */
    Map<String, Object> fieldValues() {
        Map<String, Object> values = new LinkedHashMap<>(data);
        values.put("$id", id);
        values.put("$sequence", seq);
        values.put("$createdAt", createdAt);
        values.put("$updatedAt", updatedAt);
        return values;
    }
}
