package dev.quire;

import dev.quire.internal.Json;

import java.util.List;
import java.util.Map;

/** A page of documents, with the total number that matched the filters. Immutable. */
public final class DocumentList {
    private final long total;
    private final List<Document> items;

    DocumentList(long total, List<Document> items) {
        this.total = total;
        this.items = List.copyOf(items);
    }

    /** @return how many documents matched the filters in all, not only on this page; 0 when the total was not asked for, as on Appwrite */
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

    /**
     * The page in Appwrite's JSON shape: {@code total}, then {@code documents} with each item's {@code toMap()}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        return ModelJson.page(total, "documents", items, Document::toMap);
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
