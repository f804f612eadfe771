package dev.quire.internal.storage;

/**
 * A staged transaction as stored.
 *
 * @param owner the user id of the caller that created it, who alone may see it; {@code null} when the root
 *              handle (an API key) or a guest created it
 */
public record TransactionRow(long seq, String id, String status, int operations, String owner, String createdAt,
                             String updatedAt, String expiresAt) {
}
