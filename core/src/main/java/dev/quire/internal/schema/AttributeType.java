package dev.quire.internal.schema;

import dev.quire.query.FieldType;

/**
 * The type of an attribute, with Appwrite's name for it. Appwrite 1.9's string and integer types
 * ({@code varchar}, {@code text}, {@code mediumtext}, {@code longtext}, {@code bigint}) differ from
 * {@code string} and {@code integer} only in their limits and model, so each names a {@link #base()} type
 * whose storage, validation and queries it shares.
 */
public enum AttributeType {
    STRING("string", FieldType.STRING, null),
    INTEGER("integer", FieldType.INTEGER, null),
    FLOAT("double", FieldType.FLOAT, null),
    BOOLEAN("boolean", FieldType.BOOLEAN, null),
    DATETIME("datetime", FieldType.DATETIME, null),
    /** Size 1 to 16,381, given at creation. */
    VARCHAR("varchar", FieldType.STRING, STRING),
    /** A fixed size of 65,535 characters. */
    TEXT("text", FieldType.STRING, STRING),
    /** A fixed size of 16,777,215 characters. */
    MEDIUMTEXT("mediumtext", FieldType.STRING, STRING),
    /** A fixed size of 2,147,483,647 characters. */
    LONGTEXT("longtext", FieldType.STRING, STRING),
    /** A 64-bit integer that also accepts numeric strings. */
    BIGINT("bigint", FieldType.INTEGER, INTEGER);

    private final String appwriteName;
    private final FieldType fieldType;
    private final AttributeType base;

    AttributeType(String appwriteName, FieldType fieldType, AttributeType base) {
        this.appwriteName = appwriteName;
        this.fieldType = fieldType;
        this.base = base;
    }

    public String appwriteName() {
        return appwriteName;
    }

    /** How queries see the attribute. */
    public FieldType fieldType() {
        return fieldType;
    }

    /** The type whose storage and validation this one shares: itself for Appwrite's original five. */
    public AttributeType base() {
        return base == null ? this : base;
    }

    /** Whether the attribute holds text: {@code string} or one of 1.9's string types. */
    public boolean isText() {
        return base() == STRING;
    }

    public static AttributeType fromAppwriteName(String name) {
        for (AttributeType type : values()) {
            if (type.appwriteName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown attribute type " + name);
    }
}
