package dev.quire.internal.schema;

import dev.quire.query.FieldType;

/** The stored type of an attribute, with Appwrite's name for it. */
public enum AttributeType {
    STRING("string", FieldType.STRING),
    INTEGER("integer", FieldType.INTEGER),
    FLOAT("double", FieldType.FLOAT),
    BOOLEAN("boolean", FieldType.BOOLEAN),
    DATETIME("datetime", FieldType.DATETIME);

    private final String appwriteName;
    private final FieldType fieldType;

    AttributeType(String appwriteName, FieldType fieldType) {
        this.appwriteName = appwriteName;
        this.fieldType = fieldType;
    }

    public String appwriteName() {
        return appwriteName;
    }

    /** How queries see the attribute. */
    public FieldType fieldType() {
        return fieldType;
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
