package dev.quire;

import dev.quire.internal.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An attribute of a collection. Immutable; one class for every Appwrite attribute model
 * ({@code AttributeString}, {@code AttributeInteger}, …): fields a type does not have are {@code null}.
 */
public final class Attribute {
    private final String key;
    private final String type;
    private final String format;
    private final boolean required;
    private final boolean array;
    private final Long size;
    private final Number min;
    private final Number max;
    private final Object xdefault;
    private final List<String> elements;
    private final String createdAt;
    private final String updatedAt;

    Attribute(String key, String type, String format, boolean required, boolean array, Long size, Number min,
              Number max, Object xdefault, List<String> elements, String createdAt, String updatedAt) {
        this.key = key;
        this.type = type;
        this.format = format;
        this.required = required;
        this.array = array;
        this.size = size;
        this.min = min;
        this.max = max;
        this.xdefault = xdefault;
        this.elements = elements == null ? null : List.copyOf(elements);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** @return the attribute key */
    public String getKey() {
        return key;
    }

    /**
     * @return {@code string}, {@code integer}, {@code double}, {@code boolean}, {@code datetime}, or one of
     *         Appwrite 1.9's {@code varchar}, {@code text}, {@code mediumtext}, {@code longtext}, {@code bigint}
     */
    public String getType() {
        return type;
    }

    /** @return {@code email}, {@code url}, {@code ip}, {@code enum} or {@code datetime}; {@code null} for plain types */
    public String getFormat() {
        return format;
    }

    /** @return always {@code available}: attributes are created synchronously */
    public String getStatus() {
        return "available";
    }

    /** @return always empty: a failed creation is reported as an exception instead */
    public String getError() {
        return "";
    }

    /** @return whether documents must carry a value */
    public boolean isRequired() {
        return required;
    }

    /** @return whether the value is a list */
    public boolean isArray() {
        return array;
    }

    /**
     * @return the maximum length in characters of a {@code string} or {@code varchar} attribute; {@code null} for
     *         other types (Appwrite's text types have fixed sizes and no size field)
     */
    public Long getSize() {
        return size;
    }

    /** @return the minimum of an integer or bigint ({@link Long}) or float ({@link Double}) attribute; {@code null} otherwise */
    public Number getMin() {
        return min;
    }

    /** @return the maximum of an integer ({@link Long}) or float ({@link Double}) attribute; {@code null} otherwise */
    public Number getMax() {
        return max;
    }

    /** @return the default value, or {@code null} when there is none */
    public Object getDefault() {
        return xdefault;
    }

    /** @return the allowed values of an enum attribute; {@code null} for other types */
    public List<String> getElements() {
        return elements;
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
        return o instanceof Attribute a && key.equals(a.key) && type.equals(a.type) && Objects.equals(format, a.format)
                && required == a.required && array == a.array && Objects.equals(size, a.size)
                && Objects.equals(min, a.min) && Objects.equals(max, a.max) && Objects.equals(xdefault, a.xdefault)
                && Objects.equals(elements, a.elements) && createdAt.equals(a.createdAt)
                && updatedAt.equals(a.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, type, format, required, array, size, min, max, xdefault, elements);
    }

    /**
     * The attribute in the JSON shape of its Appwrite model ({@code AttributeString}, {@code AttributeInteger}, …).
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", key);
        map.put("type", type);
        map.put("status", getStatus());
        map.put("error", getError());
        map.put("required", required);
        map.put("array", array);
        map.put("$createdAt", createdAt);
        map.put("$updatedAt", updatedAt);
        // The fields of the type's own model (AttributeString has size, AttributeInteger min and max, …).
        if (size != null) {
            map.put("size", size);
        }
        if (min != null) {
            map.put("min", min);
            map.put("max", max);
        }
        if (elements != null) {
            map.put("elements", elements);
        }
        if (format != null) {
            map.put("format", format);
        }
        map.put("default", xdefault);
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
