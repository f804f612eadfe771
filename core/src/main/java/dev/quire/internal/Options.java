package dev.quire.internal;

import java.nio.file.Path;

/**
 * How a store is opened, validated once by {@code Databases.Builder} and immutable after: every option a
 * store is opened with lives here.
 *
 * @param path the store's file without extension, absolute and normalised; {@code null} for a private
 *             in-memory store
 */
public record Options(Path path) {
    /** Options for a private in-memory store. */
    public static Options inMemory() {
        return new Options(null);
    }
}
