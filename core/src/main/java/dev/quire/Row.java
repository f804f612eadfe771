package dev.quire;

import dev.quire.internal.Json;
import dev.quire.internal.TablesDbNames;

import java.util.List;
import java.util.Map;

/**
 * A row of a TablesDB table: a {@link Document} under Appwrite 1.8's names. Immutable; mirrors Appwrite's
 * {@code Row} model.
 *
 * <pre>{@code
 * Row row = db.tablesDB().getRow("app", "movies", "up");
 * row.getTableId();   // "movies"
 * row.toJson();       // {"$id":"up","$sequence":1,"$tableId":"movies",...,"title":"Up"}
 * }</pre>
 */
public final class Row {
    private final Document document;

    Row(Document document) {
        this.document = document;
    }

    /** @return the row id ({@code $id}) */
    public String getId() {
        return document.getId();
    }

    /** @return the per-table, increasing sequence number ({@code $sequence}) */
    public long getSequence() {
        return document.getSequence();
    }

    /** @return the id of the table that holds the row */
    public String getTableId() {
        return document.getCollectionId();
    }

    /** @return the id of the database that holds the table */
    public String getDatabaseId() {
        return document.getDatabaseId();
    }

    /** @return creation time, {@code 2020-10-15T06:38:00.000+00:00} */
    public String getCreatedAt() {
        return document.getCreatedAt();
    }

    /** @return last update time, {@code 2020-10-15T06:38:00.000+00:00} */
    public String getUpdatedAt() {
        return document.getUpdatedAt();
    }

    /** @return the permission strings, in the order they were given */
    public List<String> getPermissions() {
        return document.getPermissions();
    }

    /**
     * One column's value.
     *
     * @param key the column key
     * @return the value, or {@code null} when it is null or was not selected
     */
    public Object get(String key) {
        return document.get(key);
    }

    /** @return the columns only, in column order; unmodifiable */
    public Map<String, Object> getData() {
        return document.getData();
    }

    /**
     * The row in Appwrite's JSON shape: {@code $id}, {@code $sequence}, {@code $tableId}, {@code $databaseId},
     * {@code $createdAt}, {@code $updatedAt}, {@code $permissions}, then the columns.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        return TablesDbNames.row(document.toMap());
    }

    /** @return {@link #toMap()} as a JSON string */
    public String toJson() {
        return Json.write(toMap());
    }

    /**
     * Maps the row onto a record or bean with Jackson, as {@link Document#to(Class)} does.
     *
     * @param type the target type
     * @param <T>  the target type
     * @return a new instance
     */
    public <T> T to(Class<T> type) {
        return document.to(type);
    }

    /** @return the same row as a document of the Databases API */
    public Document asDocument() {
        return document;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && document.equals(r.document);
    }

    @Override
    public int hashCode() {
        return document.hashCode();
    }

    @Override
    public String toString() {
        return "Row" + toMap();
    }
}
