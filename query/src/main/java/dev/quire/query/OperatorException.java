package dev.quire.query;

/**
 * An operator in a write's {@code data} that is malformed or does not fit its attribute.
 *
 * <p>Carries Appwrite's error type and HTTP-style code so core can surface it unchanged: a malformed
 * operator is {@code general_bad_request} ({@code Invalid operator for attribute "x": …}); one that does not
 * fit the attribute or the stored value is {@code document_invalid_structure}
 * ({@code Invalid document structure: Cannot apply …}).
 */
public class OperatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;

    private OperatorException(String type, String message) {
        super(message);
        this.type = type;
    }

    static OperatorException malformed(String attribute, String reason) {
        return new OperatorException("general_bad_request",
                "Invalid operator for attribute \"" + attribute + "\": " + reason);
    }

    static OperatorException invalid(String reason) {
        return new OperatorException("document_invalid_structure", "Invalid document structure: " + reason);
    }

    /** @return Appwrite's error type: {@code general_bad_request} or {@code document_invalid_structure} */
    public String getType() {
        return type;
    }

    /** @return the HTTP-style status code, always 400 */
    public int getCode() {
        return 400;
    }
}
