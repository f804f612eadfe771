package dev.quire;

import java.util.List;

/** A page of documents, with the total number that matched the filters. Immutable. */
public final class DocumentList {
    private final long total;
    private final List<Document> items;

    DocumentList(long total, List<Document> items) {
        this.total = total;
        this.items = List.copyOf(items);
    }

    /** @return how many documents matched the filters in all, not only on this page; -1 when the total was not asked for */
    public long getTotal() {
        return total;
    }

    /** @return the documents on this page, in the requested order */
    public List<Document> getDocuments() {
        return items;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentList l && total == l.total && items.equals(l.items);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(total) * 31 + items.hashCode();
    }

    @Override
    public String toString() {
        return "DocumentList{total=" + total + ", items=" + items + "}";
    }
}
