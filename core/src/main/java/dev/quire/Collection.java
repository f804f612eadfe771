package dev.quire;

import dev.quire.internal.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A collection: the schema and permissions of a group of documents. Immutable; mirrors Appwrite's model. */
public final class Collection {
    private final String id;
    private final String databaseId;
    private final String name;
    private final boolean enabled;
    private final boolean documentSecurity;
    private final List<String> permissions;
    private final List<Attribute> attributes;
    private final List<Index> indexes;
    private final String createdAt;
    private final String updatedAt;

    Collection(String id, String databaseId, String name, boolean enabled, boolean documentSecurity,
               List<String> permissions, List<Attribute> attributes, List<Index> indexes, String createdAt,
               String updatedAt) {
        this.id = id;
        this.databaseId = databaseId;
        this.name = name;
        this.enabled = enabled;
        this.documentSecurity = documentSecurity;
        this.permissions = List.copyOf(permissions);
        this.attributes = List.copyOf(attributes);
        this.indexes = List.copyOf(indexes);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** @return the collection id ({@code $id}) */
    public String getId() {
        return id;
    }

    /** @return the id of the database that holds the collection */
    public String getDatabaseId() {
        return databaseId;
    }

    /** @return the display name */
    public String getName() {
        return name;
    }

    /** @return whether the collection is enabled; a disabled one looks missing to every caller but the root handle */
    public boolean isEnabled() {
        return enabled;
    }

    /** @return whether document permissions grant access in addition to the collection's */
    public boolean isDocumentSecurity() {
        return documentSecurity;
    }

    /** @return the collection's permission strings, for example {@code read("any")}, in the order given */
    public List<String> getPermissions() {
        return permissions;
    }

    /** @return the attributes, in creation order */
    public List<Attribute> getAttributes() {
        return attributes;
    }

    /** @return the indexes, in creation order */
    public List<Index> getIndexes() {
        return indexes;
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
        return o instanceof Collection c && id.equals(c.id) && databaseId.equals(c.databaseId) && name.equals(c.name)
                && enabled == c.enabled && documentSecurity == c.documentSecurity
                && permissions.equals(c.permissions) && attributes.equals(c.attributes) && indexes.equals(c.indexes)
                && createdAt.equals(c.createdAt) && updatedAt.equals(c.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, databaseId, name, enabled, documentSecurity, permissions, attributes, indexes);
    }

    /**
     * The collection in Appwrite's JSON shape, with its attributes and indexes.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("$id", id);
        map.put("$createdAt", createdAt);
        map.put("$updatedAt", updatedAt);
        map.put("$permissions", permissions);
        map.put("databaseId", databaseId);
        map.put("name", name);
        map.put("enabled", enabled);
        map.put("documentSecurity", documentSecurity);
        map.put("attributes", attributes.stream().map(Attribute::toMap).toList());
        map.put("indexes", indexes.stream().map(Index::toMap).toList());
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
