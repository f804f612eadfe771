package dev.quire;

/** The kinds of index Appwrite offers. */
public enum IndexType {
    /** A plain index that speeds up filters and orders. */
    KEY("key"),
    /** An index that also refuses two documents with the same values. */
    UNIQUE("unique"),
    /** A full-text index, needed by {@code search} and {@code notSearch} queries. */
    FULLTEXT("fulltext");

    private final String value;

    IndexType(String value) {
        this.value = value;
    }

    /** @return Appwrite's name for the type: {@code key}, {@code unique} or {@code fulltext} */
    public String value() {
        return value;
    }

    /**
     * The type Appwrite names so.
     *
     * @param value {@code key}, {@code unique} or {@code fulltext}
     * @throws IllegalArgumentException for any other name
     */
    public static IndexType of(String value) {
        for (IndexType type : values()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown index type: " + value);
    }
}
