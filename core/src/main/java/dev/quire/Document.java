package dev.quire;

import dev.quire.internal.Json;
import tools.jackson.core.JacksonException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored document. Immutable; mirrors Appwrite's {@code Document} model.
 *
 * <pre>{@code
 * Document d = db.getDocument("app", "movies", "up", List.of());
 * Long year = (Long) d.get("year");
 * Movie movie = d.to(Movie.class);         // a record with the attributes as components
 * String json = d.toJson();                // {"$id":"up","$sequence":1,...,"title":"Up","year":2009}
 * }</pre>
 *
 * <p>Values read back as {@link String} (string, email, url, ip, enum and datetime attributes), {@link Long}
 * (integer), {@link Double} (float), {@link Boolean}, an unmodifiable {@link List} of those for arrays,
 * or {@code null}.
 */
public final class Document {
    private final String id;
    private final long sequence;
    private final String collectionId;
    private final String databaseId;
    private final String createdAt;
    private final String updatedAt;
    private final List<String> permissions;
    private final Map<String, Object> data;

    Document(String id, long sequence, String collectionId, String databaseId, String createdAt, String updatedAt,
             List<String> permissions, Map<String, Object> data) {
        this.id = id;
        this.sequence = sequence;
        this.collectionId = collectionId;
        this.databaseId = databaseId;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.permissions = List.copyOf(permissions);
        // Not copied: the engine builds a fresh map for every document it hands out.
        this.data = Collections.unmodifiableMap(data);
    }

    /** @return the document id ({@code $id}) */
    public String getId() {
        return id;
    }

    /** @return the per-collection, increasing sequence number ({@code $sequence}) */
    public long getSequence() {
        return sequence;
    }

    /** @return the id of the collection that holds the document */
    public String getCollectionId() {
        return collectionId;
    }

    /** @return the id of the database that holds the collection */
    public String getDatabaseId() {
        return databaseId;
    }

    /** @return creation time, {@code 2020-10-15T06:38:00.000+00:00} */
    public String getCreatedAt() {
        return createdAt;
    }

    /** @return last update time, {@code 2020-10-15T06:38:00.000+00:00} */
    public String getUpdatedAt() {
        return updatedAt;
    }

    /** @return the permission strings, for example {@code read("any")}, in the order they were given */
    public List<String> getPermissions() {
        return permissions;
    }

    /**
     * One attribute's value.
     *
     * @param key the attribute key
     * @return the value, or {@code null} when it is null or was not selected
     */
    public Object get(String key) {
        return data.get(key);
    }

    /** @return the attributes only, in attribute order; unmodifiable */
    public Map<String, Object> getData() {
        return data;
    }

    /**
     * The document in Appwrite's JSON shape: {@code $id}, {@code $sequence}, {@code $collectionId},
     * {@code $databaseId}, {@code $createdAt}, {@code $updatedAt}, {@code $permissions}, then the attributes.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("$id", id);
        map.put("$sequence", sequence);
        map.put("$collectionId", collectionId);
        map.put("$databaseId", databaseId);
        map.put("$createdAt", createdAt);
        map.put("$updatedAt", updatedAt);
        map.put("$permissions", permissions);
        map.putAll(data);
        return map;
    }

    /** @return {@link #toMap()} as a JSON string */
    public String toJson() {
        return Json.write(toMap());
    }

    /**
     * Maps the document onto a record or bean with Jackson. Properties are matched by name against
     * {@link #toMap()}, so a component named with {@code @JsonProperty("$id")} receives the id; unknown
     * properties are ignored.
     *
     * @param type the target type
     * @param <T>  the target type
     * @return a new instance
     * @throws QuireException {@code general_argument_invalid} when the values do not fit the type
     */
    public <T> T to(Class<T> type) {
        Objects.requireNonNull(type, "type");
        try {
            return Json.MAPPER.convertValue(toMap(), type);
        } catch (JacksonException e) {
            throw new QuireException("general_argument_invalid", 400,
                    "Document " + id + " cannot be mapped onto " + type.getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Document d && id.equals(d.id) && sequence == d.sequence
                && collectionId.equals(d.collectionId) && databaseId.equals(d.databaseId)
                && createdAt.equals(d.createdAt) && updatedAt.equals(d.updatedAt)
                && permissions.equals(d.permissions) && data.equals(d.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, sequence, collectionId, databaseId, createdAt, updatedAt, permissions, data);
    }

    @Override
    public String toString() {
        return "Document" + toMap();
    }
}
