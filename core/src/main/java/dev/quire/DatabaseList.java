package dev.quire;

import dev.quire.internal.Json;

import java.util.List;
import java.util.Map;

/** A page of databases, with the total number that matched the filters. Immutable. */
public final class DatabaseList {
    private final long total;
    private final List<Database> items;

    DatabaseList(long total, List<Database> items) {
        this.total = total;
        this.items = List.copyOf(items);
    }

    /** @return how many databases matched the filters in all, not only on this page */
    public long getTotal() {
        return total;
    }

    /** @return the databases on this page, in the requested order */
    public List<Database> getDatabases() {
        return items;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseList l && total == l.total && items.equals(l.items);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(total) * 31 + items.hashCode();
    }

    /**
     * The page in Appwrite's JSON shape: {@code total}, then {@code databases} with each item's {@code toMap()}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        return ModelJson.page(total, "databases", items, Database::toMap);
    }

    /** @return {@link #toMap()} as a JSON string, as Appwrite's REST API returns the list */
    public String toJson() {
        return Json.write(toMap());
    }

    /** @return {@link #toJson()} */
    @Override
    public String toString() {
        return toJson();
    }
}
