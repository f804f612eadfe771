package dev.quire.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appwrite 1.8's TablesDB names for the JSON of the legacy models, in one place: the Java models
 * ({@code Table}, {@code ColumnIndex}, {@code Row}) and the REST server both rename through here. Each method
 * renames only the keys its model defines, never a row's own data.
 */
public final class TablesDbNames {
    private TablesDbNames() {
    }

    /** A collection's JSON as a table's: {@code rowSecurity}, {@code columns}, indexes with {@code columns}. */
    public static Map<String, Object> table(Map<String, Object> collection) {
        Map<String, Object> table = new LinkedHashMap<>();
        collection.forEach((key, value) -> {
            switch (key) {
                case "documentSecurity" -> table.put("rowSecurity", value);
                case "attributes" -> table.put("columns", value);
                case "indexes" -> table.put("indexes", ((List<?>) value).stream().map(TablesDbNames::index).toList());
                default -> table.put(key, value);
            }
        });
        return table;
    }

    /** An index's JSON as a column index's: {@code columns} instead of {@code attributes}. */
    public static Map<String, Object> index(Object index) {
        return renameKey(index, "attributes", "columns");
    }

    /** A document's JSON as a row's: {@code $tableId} instead of {@code $collectionId}, in the same place. */
    public static Map<String, Object> row(Object document) {
        return renameKey(document, "$collectionId", "$tableId");
    }

    private static Map<String, Object> renameKey(Object model, String from, String to) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        ((Map<?, ?>) model).forEach((key, value) -> renamed.put(from.equals(key) ? to : (String) key, value));
        return renamed;
    }
}
