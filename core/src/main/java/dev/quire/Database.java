package dev.quire;

import dev.quire.internal.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A database: a named group of collections. Immutable; mirrors Appwrite's {@code Database} model. */
public final class Database {
    private final String id;
    private final String name;
    private final String createdAt;
    private final String updatedAt;
    private final boolean enabled;

    Database(String id, String name, String createdAt, String updatedAt, boolean enabled) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.enabled = enabled;
    }

    /** @return the database id ({@code $id}) */
    public String getId() {
        return id;
    }

    /** @return the display name */
    public String getName() {
        return name;
    }

    /** @return creation time, {@code 2020-10-15T06:38:00.000+00:00} */
    public String getCreatedAt() {
        return createdAt;
    }

    /** @return last update time, {@code 2020-10-15T06:38:00.000+00:00} */
    public String getUpdatedAt() {
        return updatedAt;
    }

    /** @return whether the database is enabled; a disabled one looks missing to every caller but the root handle */
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Database d && id.equals(d.id) && name.equals(d.name) && createdAt.equals(d.createdAt)
                && updatedAt.equals(d.updatedAt) && enabled == d.enabled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, createdAt, updatedAt, enabled);
    }

    /**
     * The database in Appwrite's JSON shape: {@code $id}, {@code name}, {@code $createdAt}, {@code $updatedAt}, {@code enabled}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("$id", id);
        map.put("name", name);
        map.put("$createdAt", createdAt);
        map.put("$updatedAt", updatedAt);
        map.put("enabled", enabled);
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
