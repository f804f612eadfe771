package dev.quire.permissions;

/**
 * The actions an Appwrite permission can grant.
 *
 * <p>{@link #WRITE} is an alias that only exists in permission strings: parsing expands it into the
 * concrete actions it stands for, so a {@link Grant} never carries it.
 */
public enum PermissionType {
    /** Read a document, or list documents of a collection. */
    READ("read"),
    /** Create documents in a collection (collection permissions only). */
    CREATE("create"),
    /** Update a document. */
    UPDATE("update"),
    /** Delete a document. */
    DELETE("delete"),
    /** Shorthand for create, update and delete; expanded when parsed. */
    WRITE("write");

    private final String wireName;

    PermissionType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used in permission strings, e.g. {@code "read"} in {@code read("any")}.
     *
     * @return the lower-case name Appwrite uses
     */
    public String wireName() {
        return wireName;
    }

    /** Returns the type with that wire name, or {@code null}; exact, case-sensitive match like Appwrite's. */
    static PermissionType fromWireName(String name) {
        for (PermissionType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
