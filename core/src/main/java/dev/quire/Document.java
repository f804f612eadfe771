package dev.quire;

import dev.quire.internal.Errors;
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
 * long year = d.getLong("year");
 * List<String> genres = d.getList("genres", String.class);
 * Movie movie = d.to(Movie.class);         // a record with the attributes as components
 * String json = d.toJson();                // {"$id":"up","$sequence":1,...,"title":"Up","year":2009}
 * }</pre>
 *
 * <p>Values read back as {@link String} (string, email, url, ip, enum and datetime attributes), {@link Long}
 * (integer), {@link Double} (float), {@link Boolean}, an unmodifiable {@link List} of those for arrays,
 * or {@code null}. The typed getters ({@link #getString}, {@link #getLong}, {@link #getDouble},
 * {@link #getBoolean}, {@link #getList}) return the value as that type and fail with
 * {@code general_argument_invalid} naming the attribute and the type it holds when it is another.
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

    /**
     * A string, email, URL, IP, enum or datetime attribute's value.
     *
     * @param key the attribute key
     * @return the value, or {@code null} when it is null or was not selected
     * @throws QuireException {@code general_argument_invalid} when the value is not a {@link String}
     */
    public String getString(String key) {
        return typed(key, String.class, "String");
    }

    /**
     * An integer attribute's value.
     *
     * @param key the attribute key
     * @return the value, or {@code null} when it is null or was not selected
     * @throws QuireException {@code general_argument_invalid} when the value is not a {@link Long}
     */
    public Long getLong(String key) {
        return typed(key, Long.class, "Long");
    }

    /**
     * A float attribute's value.
     *
     * @param key the attribute key
     * @return the value, or {@code null} when it is null or was not selected
     * @throws QuireException {@code general_argument_invalid} when the value is not a {@link Double}
     *                        (integer attributes read back as {@link Long}: use {@link #getLong})
     */
    public Double getDouble(String key) {
        return typed(key, Double.class, "Double");
    }

    /**
     * A boolean attribute's value.
     *
     * @param key the attribute key
     * @return the value, or {@code null} when it is null or was not selected
     * @throws QuireException {@code general_argument_invalid} when the value is not a {@link Boolean}
     */
    public Boolean getBoolean(String key) {
        return typed(key, Boolean.class, "Boolean");
    }

    /**
     * An array attribute's value.
     *
     * @param key the attribute key
     * @return the unmodifiable list, or {@code null} when it is null or was not selected
     * @throws QuireException {@code general_argument_invalid} when the value is not a {@link List}
     */
    public List<Object> getList(String key) {
        @SuppressWarnings("unchecked")
        List<Object> list = typed(key, List.class, "List");
        return list;
    }

    /**
     * An array attribute's value with its items checked against one type.
     *
     * <pre>{@code
     * List<String> genres = d.getList("genres", String.class);
     * List<Long> scores = d.getList("scores", Long.class);
     * }</pre>
     *
     * @param key      the attribute key
     * @param itemType the type every item has, for example {@code String.class} or {@code Long.class}
     * @param <T>      the item type
     * @return the unmodifiable list, or {@code null} when it is null or was not selected
     * @throws QuireException {@code general_argument_invalid} when the value is not a list or an item is not
     *                        of {@code itemType}
     */
    public <T> List<T> getList(String key, Class<T> itemType) {
        Errors.require(itemType, "itemType");
        List<Object> list = getList(key);
        if (list == null) {
            return null;
        }
        for (Object item : list) {
            if (!itemType.isInstance(item)) {
                throw mismatch(key, item, "List<" + itemType.getSimpleName() + ">");
            }
        }
        @SuppressWarnings("unchecked")
        List<T> typed = (List<T>) list;
        return typed;
    }

    private <T> T typed(String key, Class<T> type, String typeName) {
        Object value = data.get(key);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw mismatch(key, value, typeName);
    }

    private QuireException mismatch(String key, Object value, String wanted) {
        return new QuireException("general_argument_invalid", 400, "Attribute \"" + key + "\" of document " + id
                + " holds " + describe(value) + ", not a " + wanted);
    }

    private static String describe(Object value) {
        String shown = String.valueOf(value);
        if (shown.length() > 40) {
            shown = shown.substring(0, 37) + "...";
        }
        return "a " + (value instanceof List ? "List" : value.getClass().getSimpleName()) + " (" + shown + ")";
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
        Errors.require(type, "type");
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

    /** @return {@link #toJson()}: the document as Appwrite's JSON */
    @Override
    public String toString() {
        return toJson();
    }
}
