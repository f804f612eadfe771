package dev.quire.query;

import dev.quire.QuireException;

/**
 * An operator in a write's {@code data} that is malformed or does not fit its attribute.
 *
 * <p>A kind of {@link QuireException} with Appwrite's type and code: a malformed operator is
 * {@code general_bad_request} ({@code Invalid operator for attribute "x": …}); one that does not fit the
 * attribute or the stored value is {@code document_invalid_structure}
 * ({@code Invalid document structure: Cannot apply …}), both 400.
 */
public class OperatorException extends QuireException {

    private static final long serialVersionUID = 1L;

    private OperatorException(String type, String message) {
        super(type, 400, message);
    }

    static OperatorException malformed(String attribute, String reason) {
        return new OperatorException("general_bad_request",
                "Invalid operator for attribute \"" + attribute + "\": " + reason);
    }

    static OperatorException invalid(String reason) {
        return new OperatorException("document_invalid_structure", "Invalid document structure: " + reason);
    }
}
