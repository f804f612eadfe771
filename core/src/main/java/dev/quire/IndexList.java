package dev.quire;

import dev.quire.internal.Json;

import java.util.List;
import java.util.Map;

/** A page of indexes, with the total number that matched the filters. Immutable. */
public final class IndexList {
    private final long total;
    private final List<Index> items;

    IndexList(long total, List<Index> items) {
        this.total = total;
        this.items = List.copyOf(items);
    }

    /** @return how many indexes matched the filters in all, not only on this page */
    public long getTotal() {
        return total;
    }

    /** @return the indexes on this page, in the requested order */
    public List<Index> getIndexes() {
        return items;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexList l && total == l.total && items.equals(l.items);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(total) * 31 + items.hashCode();
    }

    /**
     * The page in Appwrite's JSON shape: {@code total}, then {@code indexes} with each item's {@code toMap()}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        return ModelJson.page(total, "indexes", items, Index::toMap);
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
