package dev.quire;

import dev.quire.internal.Json;

import java.util.List;
import java.util.Map;

/** A page of tables, with the total number that matched the filters. Immutable; mirrors Appwrite's {@code TableList}. */
public final class TableList {
    private final long total;
    private final List<Table> items;

    TableList(CollectionList page) {
        this.total = page.getTotal();
        this.items = page.getCollections().stream().map(Table::new).toList();
    }

    /** @return how many tables matched the filters in all, not only on this page */
    public long getTotal() {
        return total;
    }

    /** @return the tables on this page, in the requested order */
    public List<Table> getTables() {
        return items;
    }

    /**
     * The page in Appwrite's JSON shape: {@code total} and {@code tables}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        return ModelJson.page(total, "tables", items, Table::toMap);
    }

    /** @return {@link #toMap()} as a JSON string */
    public String toJson() {
        return Json.write(toMap());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableList l && total == l.total && items.equals(l.items);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(total) * 31 + items.hashCode();
    }

    @Override
    public String toString() {
        return "TableList{total=" + total + ", tables=" + items + "}";
    }
}
