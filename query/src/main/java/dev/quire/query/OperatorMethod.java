package dev.quire.query;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every operator Appwrite knows, by its wire name ({@code "increment"}, {@code "arrayAppend"}, ...). */
public enum OperatorMethod {
    INCREMENT("increment"),
    DECREMENT("decrement"),
    MULTIPLY("multiply"),
    DIVIDE("divide"),
    MODULO("modulo"),
    POWER("power"),
    STRING_CONCAT("stringConcat"),
    STRING_REPLACE("stringReplace"),
    ARRAY_APPEND("arrayAppend"),
    ARRAY_PREPEND("arrayPrepend"),
    ARRAY_INSERT("arrayInsert"),
    ARRAY_REMOVE("arrayRemove"),
    ARRAY_UNIQUE("arrayUnique"),
    ARRAY_INTERSECT("arrayIntersect"),
    ARRAY_DIFF("arrayDiff"),
    ARRAY_FILTER("arrayFilter"),
    TOGGLE("toggle"),
    DATE_ADD_DAYS("dateAddDays"),
    DATE_SUB_DAYS("dateSubDays"),
    DATE_SET_NOW("dateSetNow");

    private static final Map<String, OperatorMethod> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(OperatorMethod::wireName, Function.identity()));

    private final String wireName;

    OperatorMethod(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name used in operator strings, e.g. {@code "arrayAppend"} */
    public String wireName() {
        return wireName;
    }

    /**
     * @return whether the operator computes a number from a number ({@code increment} … {@code power}); these
     *         are the ones a store can run as arithmetic in SQL
     */
    public boolean isNumeric() {
        return ordinal() <= POWER.ordinal();
    }

    /**
     * Looks an operator up by its wire name (case-sensitive, as in Appwrite).
     *
     * @param wireName e.g. {@code "increment"}; may be null
     * @return the operator, or empty if Appwrite has no such operator
     */
    public static Optional<OperatorMethod> fromWireName(String wireName) {
        return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
    }
}
