package dev.quire;

import dev.quire.internal.Json;

import java.util.List;
import java.util.Map;

/** A page of columns, with the total number that matched the filters. Immutable; mirrors Appwrite's {@code ColumnList}. */
public final class ColumnList {
    private final long total;
    private final List<Column> items;

    ColumnList(AttributeList page) {
        this.total = page.getTotal();
        this.items = page.getAttributes().stream().map(Column::new).toList();
    }

    /** @return how many columns matched the filters in all, not only on this page */
    public long getTotal() {
        return total;
    }

    /** @return the columns on this page, in the requested order */
    public List<Column> getColumns() {
        return items;
    }

    /**
     * The page in Appwrite's JSON shape: {@code total} and {@code columns}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        return ModelJson.page(total, "columns", items, Column::toMap);
    }

    /** @return {@link #toMap()} as a JSON string */
    public String toJson() {
        return Json.write(toMap());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnList l && total == l.total && items.equals(l.items);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(total) * 31 + items.hashCode();
    }

    @Override
    public String toString() {
        return "ColumnList{total=" + total + ", columns=" + items + "}";
    }
}
