package dev.quire;

import dev.quire.internal.Json;

import java.util.List;
import java.util.Map;

/** A page of rows, with the total number that matched the filters. Immutable; mirrors Appwrite's {@code RowList}. */
public final class RowList {
    private final long total;
    private final List<Row> items;

    RowList(DocumentList page) {
        this.total = page.getTotal();
        this.items = page.getDocuments().stream().map(Row::new).toList();
    }

    /** @return how many rows matched the filters in all, not only on this page; -1 when the total was not asked for */
    public long getTotal() {
        return total;
    }

    /** @return the rows on this page, in the requested order */
    public List<Row> getRows() {
        return items;
    }

    /**
     * The page in Appwrite's JSON shape: {@code total} and {@code rows}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        return ModelJson.page(total, "rows", items, Row::toMap);
    }

    /** @return {@link #toMap()} as a JSON string */
    public String toJson() {
        return Json.write(toMap());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowList l && total == l.total && items.equals(l.items);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(total) * 31 + items.hashCode();
    }

    @Override
    public String toString() {
        return "RowList{total=" + total + ", rows=" + items + "}";
    }
}
