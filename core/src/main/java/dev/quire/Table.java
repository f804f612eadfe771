package dev.quire;

import dev.quire.internal.Json;
import dev.quire.internal.TablesDbNames;

import java.util.List;
import java.util.Map;

/** A TablesDB table: a {@link Collection} under Appwrite 1.8's names. Immutable; mirrors Appwrite's {@code Table}. */
public final class Table {
    private final Collection collection;

    Table(Collection collection) {
        this.collection = collection;
    }

    /** @return the table id ({@code $id}) */
    public String getId() {
        return collection.getId();
    }

    /** @return the id of the database that holds the table */
    public String getDatabaseId() {
        return collection.getDatabaseId();
    }

    /** @return the display name */
    public String getName() {
        return collection.getName();
    }

    /** @return whether the table is enabled */
    public boolean isEnabled() {
        return collection.isEnabled();
    }

    /** @return whether row permissions grant access in addition to the table's */
    public boolean isRowSecurity() {
        return collection.isDocumentSecurity();
    }

    /** @return the table's permission strings, in the order given */
    public List<String> getPermissions() {
        return collection.getPermissions();
    }

    /** @return the columns, in creation order */
    public List<Column> getColumns() {
        return collection.getAttributes().stream().map(Column::new).toList();
    }

    /** @return the indexes, in creation order */
    public List<ColumnIndex> getIndexes() {
        return collection.getIndexes().stream().map(ColumnIndex::new).toList();
    }

    /** @return creation time */
    public String getCreatedAt() {
        return collection.getCreatedAt();
    }

    /** @return last update time */
    public String getUpdatedAt() {
        return collection.getUpdatedAt();
    }

    /**
     * The table in Appwrite's JSON shape: {@code $id}, {@code $createdAt}, {@code $updatedAt},
     * {@code $permissions}, {@code databaseId}, {@code name}, {@code enabled}, {@code rowSecurity},
     * {@code columns}, {@code indexes} (each index with {@code columns}).
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        return TablesDbNames.table(collection.toMap());
    }

    /** @return {@link #toMap()} as a JSON string */
    public String toJson() {
        return Json.write(toMap());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Table t && collection.equals(t.collection);
    }

    @Override
    public int hashCode() {
        return collection.hashCode();
    }

    @Override
    public String toString() {
        return "Table{$id=" + getId() + ", databaseId=" + getDatabaseId() + ", name=" + getName() + "}";
    }
}
