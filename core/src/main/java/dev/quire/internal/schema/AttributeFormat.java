package dev.quire.internal.schema;

/** The formats Appwrite layers on string attributes. */
public enum AttributeFormat {
    EMAIL("email"), URL("url"), IP("ip"), ENUM("enum");

    private final String appwriteName;

    AttributeFormat(String appwriteName) {
        this.appwriteName = appwriteName;
    }

    public String appwriteName() {
        return appwriteName;
    }

    public static AttributeFormat fromAppwriteName(String name) {
        for (AttributeFormat format : values()) {
            if (format.appwriteName.equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown attribute format " + name);
    }
}
