package dev.quire;

import dev.quire.internal.Json;

import java.util.List;
import java.util.Map;

/** A page of indexes, with the total number that matched the filters. Immutable; mirrors Appwrite's {@code ColumnIndexList}. */
public final class ColumnIndexList {
    private final long total;
    private final List<ColumnIndex> items;

    ColumnIndexList(IndexList page) {
        this.total = page.getTotal();
        this.items = page.getIndexes().stream().map(ColumnIndex::new).toList();
    }

    /** @return how many indexes matched the filters in all, not only on this page */
    public long getTotal() {
        return total;
    }

    /** @return the indexes on this page, in the requested order */
    public List<ColumnIndex> getIndexes() {
        return items;
    }

    /**
     * The page in Appwrite's JSON shape: {@code total} and {@code indexes}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        return ModelJson.page(total, "indexes", items, ColumnIndex::toMap);
    }

    /** @return {@link #toMap()} as a JSON string */
    public String toJson() {
        return Json.write(toMap());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnIndexList l && total == l.total && items.equals(l.items);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(total) * 31 + items.hashCode();
    }

    @Override
    public String toString() {
        return "ColumnIndexList{total=" + total + ", indexes=" + items + "}";
    }
}
