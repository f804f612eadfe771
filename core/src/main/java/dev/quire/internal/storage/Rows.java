package dev.quire.internal.storage;

import java.util.List;

/**
 * One page of rows and the total that matched.
 *
 * @param total the number of matches, or 0 when it was not counted (Appwrite's {@code total=false})
 */
public record Rows<T>(List<T> items, long total) {
}
