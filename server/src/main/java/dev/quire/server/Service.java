package dev.quire.server;

import dev.quire.Attribute;
import dev.quire.AttributeList;
import dev.quire.Collection;
import dev.quire.CollectionList;
import dev.quire.Database;
import dev.quire.DatabaseList;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.Index;
import dev.quire.IndexList;
import dev.quire.QuireException;
import dev.quire.internal.Errors;
import dev.quire.internal.TablesDbNames;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The two REST services over the same store: Appwrite's {@code /databases} paths and 1.8's {@code /tablesdb}
 * paths. They differ only in names (path segments, body keys, JSON keys and error types), so one set of
 * routes serves both and asks the service for its words.
 */
enum Service {
    DATABASES("databases", "collections", "attributes", "documents", "collectionId", "documentId",
            "documentSecurity", "legacy"),
    TABLES_DB("tablesdb", "tables", "columns", "rows", "tableId", "rowId", "rowSecurity", "tablesdb");

    final String path;
    final String containers;
    final String fields;
    final String items;
    final String containerId;
    final String itemId;
    final String security;
    final String databaseType;

    Service(String path, String containers, String fields, String items, String containerId, String itemId,
            String security, String databaseType) {
        this.path = path;
        this.containers = containers;
        this.fields = fields;
        this.items = items;
        this.containerId = containerId;
        this.itemId = itemId;
        this.security = security;
        this.databaseType = databaseType;
    }

    /** The error as this service reports it. */
    QuireException error(QuireException e) {
        return this == TABLES_DB ? Errors.inTablesDB(e) : e;
    }

    /**
     * A model as this service's JSON, in the response format the client announced.
     *
     * @param sequenceAsString whether {@code $sequence} is a string (format 1.9.0 and newer) or an integer
     */
    Map<String, Object> json(Object model, boolean sequenceAsString) {
        if (model instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> plain = (Map<String, Object>) map;
            return plain;
        }
        if (model instanceof Database database) {
            Map<String, Object> map = database.toMap();
            map.put("type", databaseType);
            return map;
        }
        if (model instanceof DatabaseList list) {
            return page(list.getTotal(), "databases", list.getDatabases(), d -> json(d, sequenceAsString));
        }
        if (model instanceof Collection collection) {
            return this == TABLES_DB ? TablesDbNames.table(collection.toMap()) : collection.toMap();
        }
        if (model instanceof CollectionList list) {
            return page(list.getTotal(), containers, list.getCollections(), c -> json(c, sequenceAsString));
        }
        if (model instanceof Attribute attribute) {
            return attribute.toMap();
        }
        if (model instanceof AttributeList list) {
            return page(list.getTotal(), fields, list.getAttributes(), Attribute::toMap);
        }
        if (model instanceof Index index) {
            return this == TABLES_DB ? TablesDbNames.index(index.toMap()) : index.toMap();
        }
        if (model instanceof IndexList list) {
            return page(list.getTotal(), "indexes", list.getIndexes(), i -> json(i, sequenceAsString));
        }
        if (model instanceof Document document) {
            Map<String, Object> map = this == TABLES_DB ? TablesDbNames.row(document.toMap()) : document.toMap();
            if (sequenceAsString) {
                map.put("$sequence", Long.toString(document.getSequence()));
            }
            return map;
        }
        if (model instanceof DocumentList list) {
            return page(list.getTotal(), items, list.getDocuments(), d -> json(d, sequenceAsString));
        }
        throw new IllegalArgumentException("no JSON shape for " + model.getClass().getName());
    }

    /** Appwrite's list shape; a list asked not to count ({@code total=false}) answers a total of 0, as Appwrite does. */
    private static <T> Map<String, Object> page(long total, String key, List<T> items,
                                                Function<T, Map<String, Object>> item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total", Math.max(total, 0));
        map.put(key, items.stream().map(item).toList());
        return map;
    }
}
