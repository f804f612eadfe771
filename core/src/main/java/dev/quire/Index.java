package dev.quire;

import dev.quire.internal.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An index on a collection. Immutable; mirrors Appwrite's {@code Index} model. */
public final class Index {
    private final String key;
    private final String type;
    private final List<String> attributes;
    private final List<String> orders;
    private final List<Integer> lengths;
    private final String createdAt;
    private final String updatedAt;

    Index(String key, String type, List<String> attributes, List<String> orders, List<Integer> lengths,
          String createdAt, String updatedAt) {
        this.key = key;
        this.type = type;
        this.attributes = List.copyOf(attributes);
        this.orders = List.copyOf(orders);
        this.lengths = List.copyOf(lengths);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** @return the index key */
    public String getKey() {
        return key;
    }

    /** @return {@code key}, {@code unique} or {@code fulltext} */
    public String getType() {
        return type;
    }

    /** @return always {@code available}: indexes are built synchronously */
    public String getStatus() {
        return "available";
    }

    /** @return always empty: a failed build is reported as an exception instead */
    public String getError() {
        return "";
    }

    /** @return the indexed attribute keys, in index order */
    public List<String> getAttributes() {
        return attributes;
    }

    /** @return {@code ASC} or {@code DESC} per attribute */
    public List<String> getOrders() {
        return orders;
    }

    /** @return the prefix length per attribute, 0 where none was given */
    public List<Integer> getLengths() {
        return lengths;
    }

    /** @return creation time */
    public String getCreatedAt() {
        return createdAt;
    }

    /** @return last update time */
    public String getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Index i && key.equals(i.key) && type.equals(i.type) && attributes.equals(i.attributes)
                && orders.equals(i.orders) && lengths.equals(i.lengths) && createdAt.equals(i.createdAt)
                && updatedAt.equals(i.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, type, attributes, orders, lengths, createdAt, updatedAt);
    }

    /**
     * The index in Appwrite's JSON shape: {@code $id} (its key), timestamps, {@code key}, {@code type}, {@code status}, {@code error}, {@code attributes}, {@code lengths}, {@code orders}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("$id", key);
        map.put("$createdAt", createdAt);
        map.put("$updatedAt", updatedAt);
        map.put("key", key);
        map.put("type", type);
        map.put("status", getStatus());
        map.put("error", getError());
        map.put("attributes", attributes);
        map.put("lengths", lengths);
        map.put("orders", orders);
        return map;
    }

    /** @return {@link #toMap()} as a JSON string */
    public String toJson() {
        return Json.write(toMap());
    }

    /** @return {@link #toJson()} */
    @Override
    public String toString() {
        return toJson();
    }
}
