package dev.quire.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a store is opened, validated once by {@code Databases.Builder} and immutable after: every option a
 * store is opened with lives here.
 *
 * @param path                      the store's file without extension, absolute and normalised; {@code null}
 *                                  for a private in-memory store
 * @param timeout                   the longest one statement of a call may run before it is cancelled;
 *                                  {@link Duration#ZERO} for no bound
 * @param transactionOperationLimit how many operations one staged transaction may hold (Appwrite's
 *                                  self-hosted default is 100)
 */
public record Options(Path path, Duration timeout, int transactionOperationLimit) {
    /** Appwrite's bound on the database work of one API request ({@code APP_DATABASE_TIMEOUT_MILLISECONDS_API}). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** Appwrite's self-hosted limit on the operations of one staged transaction. */
    public static final int DEFAULT_TRANSACTION_OPERATION_LIMIT = 100;
}
