package dev.quire;

import java.util.List;
import java.util.Map;

/**
 * A column of a TablesDB table: an {@link Attribute} under Appwrite 1.8's name. Immutable; one class for every
 * Appwrite column model ({@code ColumnString}, {@code ColumnInteger}, …), whose fields are the attribute
 * models' fields.
 */
public final class Column {
    private final Attribute attribute;

    Column(Attribute attribute) {
        this.attribute = attribute;
    }

    /** @return the column key */
    public String getKey() {
        return attribute.getKey();
    }

    /** @return {@code string}, {@code integer}, {@code double}, {@code boolean} or {@code datetime} */
    public String getType() {
        return attribute.getType();
    }

    /** @return {@code email}, {@code url}, {@code ip}, {@code enum} or {@code datetime}; {@code null} for plain types */
    public String getFormat() {
        return attribute.getFormat();
    }

    /** @return always {@code available}: columns are created synchronously */
    public String getStatus() {
        return attribute.getStatus();
    }

    /** @return always empty: a failed creation is reported as an exception instead */
    public String getError() {
        return attribute.getError();
    }

    /** @return whether rows must carry a value */
    public boolean isRequired() {
        return attribute.isRequired();
    }

    /** @return whether the value is a list */
    public boolean isArray() {
        return attribute.isArray();
    }

    /** @return the maximum length of a string column; {@code null} for other types */
    public Long getSize() {
        return attribute.getSize();
    }

    /** @return the minimum of an integer or float column; {@code null} otherwise */
    public Number getMin() {
        return attribute.getMin();
    }

    /** @return the maximum of an integer or float column; {@code null} otherwise */
    public Number getMax() {
        return attribute.getMax();
    }

    /** @return the default value, or {@code null} when there is none */
    public Object getDefault() {
        return attribute.getDefault();
    }

    /** @return the allowed values of an enum column; {@code null} for other types */
    public List<String> getElements() {
        return attribute.getElements();
    }

    /** @return creation time */
    public String getCreatedAt() {
        return attribute.getCreatedAt();
    }

    /** @return last update time */
    public String getUpdatedAt() {
        return attribute.getUpdatedAt();
    }

    /** @return the column in Appwrite's JSON shape, the same fields as {@link Attribute#toMap()} */
    public Map<String, Object> toMap() {
        return attribute.toMap();
    }

    /** @return {@link #toMap()} as a JSON string */
    public String toJson() {
        return attribute.toJson();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && attribute.equals(c.attribute);
    }

    @Override
    public int hashCode() {
        return attribute.hashCode();
    }

    @Override
    public String toString() {
        return "Column{key=" + getKey() + ", type=" + getType() + ", required=" + isRequired() + ", array="
                + isArray() + "}";
    }
}
