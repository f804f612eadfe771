package dev.quire;

import java.util.List;

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

    @Override
    public String toString() {
        return "DatabaseList{total=" + total + ", items=" + items + "}";
    }
}
