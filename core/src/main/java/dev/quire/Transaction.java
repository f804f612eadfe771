package dev.quire;

import java.util.Objects;

/**
 * A staged transaction, as Appwrite's {@code Transaction} model has it: operations staged by document calls
 * that carry its id, or by {@link Databases#createOperations}, and written together by
 * {@link Databases#updateTransaction} with {@code commit}. Immutable.
 */
public final class Transaction {
    private final String id;
    private final String createdAt;
    private final String updatedAt;
    private final String status;
    private final int operations;
    private final String expiresAt;

    Transaction(String id, String createdAt, String updatedAt, String status, int operations, String expiresAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.status = status;
        this.operations = operations;
        this.expiresAt = expiresAt;
    }

    /** @return the transaction id ({@code $id}) */
    public String getId() {
        return id;
    }

    /** @return creation time, {@code 2020-10-15T06:38:00.000+00:00} */
    public String getCreatedAt() {
        return createdAt;
    }

    /** @return last update time */
    public String getUpdatedAt() {
        return updatedAt;
    }

    /**
     * @return {@code pending} while operations may be staged, {@code committing} during the commit,
     *         {@code committed} after it, {@code failed} after a failed commit or a rollback (as Appwrite writes
     *         it; Appwrite never writes the {@code rolled_back} its documentation lists)
     */
    public String getStatus() {
        return status;
    }

    /** @return how many operations are staged; a bulk operation counts as one */
    public int getOperations() {
        return operations;
    }

    /** @return when the transaction expires: staging and committing after it fail with {@code transaction_expired} */
    public String getExpiresAt() {
        return expiresAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction t && id.equals(t.id) && createdAt.equals(t.createdAt)
                && updatedAt.equals(t.updatedAt) && status.equals(t.status) && operations == t.operations
                && expiresAt.equals(t.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, createdAt, updatedAt, status, operations, expiresAt);
    }

    @Override
    public String toString() {
        return "Transaction{$id=" + id + ", status=" + status + ", operations=" + operations + ", expiresAt="
                + expiresAt + "}";
    }
}
