package dev.quire;

import dev.quire.internal.Json;
import dev.quire.internal.TablesDbNames;

import java.util.List;
import java.util.Map;

/** An index on a TablesDB table: an {@link Index} under Appwrite 1.8's names. Immutable; mirrors {@code ColumnIndex}. */
public final class ColumnIndex {
    private final Index index;

    ColumnIndex(Index index) {
        this.index = index;
    }

    /** @return the index key */
    public String getKey() {
        return index.getKey();
    }

    /** @return {@code key}, {@code unique} or {@code fulltext} */
    public String getType() {
        return index.getType();
    }

    /** @return always {@code available}: indexes are built synchronously */
    public String getStatus() {
        return index.getStatus();
    }

    /** @return always empty */
    public String getError() {
        return index.getError();
    }

    /** @return the indexed column keys, in index order */
    public List<String> getColumns() {
        return index.getAttributes();
    }

    /** @return {@code ASC} or {@code DESC} per column */
    public List<String> getOrders() {
        return index.getOrders();
    }

    /** @return the prefix length per column, 0 where none was given */
    public List<Integer> getLengths() {
        return index.getLengths();
    }

    /** @return creation time */
    public String getCreatedAt() {
        return index.getCreatedAt();
    }

    /** @return last update time */
    public String getUpdatedAt() {
        return index.getUpdatedAt();
    }

    /**
     * The index in Appwrite's {@code ColumnIndex} shape: {@link Index#toMap()} with {@code columns} in place of
     * {@code attributes}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        return TablesDbNames.index(index.toMap());
    }

    /** @return {@link #toMap()} as a JSON string */
    public String toJson() {
        return Json.write(toMap());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnIndex i && index.equals(i.index);
    }

    @Override
    public int hashCode() {
        return index.hashCode();
    }

    @Override
    public String toString() {
        return "ColumnIndex{key=" + getKey() + ", type=" + getType() + ", columns=" + getColumns() + "}";
    }
}
