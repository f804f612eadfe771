package dev.quire.query;

/**
 * The conditions {@link Operator#arrayFilter(Condition, Object)} keeps array elements by, as the Appwrite
 * SDKs name them.
 *
 * <p>{@link #CONTAINS} exists in the SDKs but Appwrite's server rejects it in an operator; Quire does the
 * same, so it is here only so that code written against the SDK compiles.
 */
public enum Condition {
    EQUAL("equal"),
    NOT_EQUAL("notEqual"),
    GREATER_THAN("greaterThan"),
    GREATER_THAN_EQUAL("greaterThanEqual"),
    LESS_THAN("lessThan"),
    LESS_THAN_EQUAL("lessThanEqual"),
    CONTAINS("contains"),
    IS_NULL("isNull"),
    IS_NOT_NULL("isNotNull");

    private final String value;

    Condition(String value) {
        this.value = value;
    }

    /** @return the name written into the operator string, e.g. {@code "greaterThan"} */
    public String getValue() {
        return value;
    }
}
