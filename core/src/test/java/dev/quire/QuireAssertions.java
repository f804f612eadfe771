package dev.quire;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Assertions on Appwrite errors. */
public final class QuireAssertions {
    private QuireAssertions() {
    }

    /** Asserts that the call fails with Appwrite's error type and code, and returns the error. */
    public static QuireException assertError(String type, int code, Executable call) {
        QuireException e = assertThrows(QuireException.class, call);
        assertAll(() -> assertEquals(type, e.getType(), e::getMessage), () -> assertEquals(code, e.getCode()));
        return e;
    }

    /** Asserts the type, the code and the exact message. */
    public static void assertError(String type, int code, String message, Executable call) {
        QuireException e = assertError(type, code, call);
        assertEquals(message, e.getMessage());
    }
}
