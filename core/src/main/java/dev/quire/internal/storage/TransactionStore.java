package dev.quire.internal.storage;

import dev.quire.internal.Json;
import dev.quire.query.Field;
import dev.quire.query.QueryPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staged transactions and their operations, in two tables of the store, so they survive a reopen until they
 * expire. Every method runs on the connection of the caller's unit of work.
 */
public final class TransactionStore {
    private static final String TRANSACTIONS = Sql.quote(Sql.TRANSACTIONS);
    private static final String OPERATIONS = Sql.quote(Sql.TRANSACTION_OPERATIONS);
    private static final String COLUMNS = "\"_seq\", \"_uid\", \"status\", \"operations\", \"_owner\", "
            + "\"_createdAt\", \"_updatedAt\", \"expiresAt\"";

    public void insert(Connection connection, String id, String owner, String now, String expiresAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + TRANSACTIONS
                + " (\"_uid\", \"status\", \"operations\", \"_owner\", \"_createdAt\", \"_updatedAt\", \"expiresAt\")"
                + " VALUES (?, 'pending', 0, ?, ?, ?, ?)")) {
            statement.setString(1, id);
            statement.setString(2, owner);
            statement.setString(3, now);
            statement.setString(4, now);
            statement.setString(5, expiresAt);
            statement.executeUpdate();
        }
    }

    /**
     * A transaction by id.
     *
     * @param forUpdate lock its row until the unit ends, so two commits or a commit and a staging call of one
     *                  transaction run one after the other
     */
    public Optional<TransactionRow> find(Connection connection, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + TRANSACTIONS
                + " WHERE \"_uid\" = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    /** A page of transactions; {@code owner} limits it to one user's, or is {@code null} for all. */
    public Rows<TransactionRow> list(Connection connection, QueryPlan plan, Map<String, Field> fields, String owner)
            throws SQLException {
        MetadataQuery<TransactionRow> query = new MetadataQuery<>(Sql.TRANSACTIONS, COLUMNS,
                owner == null ? null : "_owner", owner, "_uid", TransactionStore::row);
        return query.list(connection, plan, fields, true);
    }

    public void setStatus(Connection connection, long seq, String status, String now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + TRANSACTIONS
                + " SET \"status\" = ?, \"_updatedAt\" = ? WHERE \"_seq\" = ?")) {
            statement.setString(1, status);
            statement.setString(2, now);
            statement.setLong(3, seq);
            statement.executeUpdate();
        }
    }

    /** Appends operations after those staged before, and counts them. */
    public void stage(Connection connection, long seq, List<StagedOperation> operations, String now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + OPERATIONS
                + " (\"_transaction\", \"action\", \"databaseId\", \"collectionId\", \"documentId\", \"data\", "
                + "\"permissions\", \"stagedAt\") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (StagedOperation operation : operations) {
                statement.setLong(1, seq);
                statement.setString(2, operation.action().value());
                statement.setString(3, operation.databaseId());
                statement.setString(4, operation.collectionId());
                statement.setString(5, operation.documentId());
                statement.setString(6, Json.write(operation.data()));
                statement.setString(7, operation.permissions() == null ? null : Json.write(operation.permissions()));
                statement.setString(8, operation.stagedAt());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + TRANSACTIONS
                + " SET \"operations\" = \"operations\" + ?, \"_updatedAt\" = ? WHERE \"_seq\" = ?")) {
            statement.setInt(1, operations.size());
            statement.setString(2, now);
            statement.setLong(3, seq);
            statement.executeUpdate();
        }
    }

    /** The operations staged in a transaction, in staging order. */
    @SuppressWarnings("unchecked")
    public List<StagedOperation> operations(Connection connection, long seq) throws SQLException {
        List<StagedOperation> operations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT \"action\", \"databaseId\", "
                + "\"collectionId\", \"documentId\", \"data\", \"permissions\", \"stagedAt\" FROM " + OPERATIONS
                + " WHERE \"_transaction\" = ? ORDER BY \"_seq\"")) {
            statement.setLong(1, seq);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String permissions = rows.getString("permissions");
                    operations.add(new StagedOperation(StagedOperation.Action.of(rows.getString("action")),
                            rows.getString("databaseId"), rows.getString("collectionId"),
                            rows.getString("documentId"), (Map<String, Object>) Json.read(rows.getString("data")),
                            permissions == null ? null : (List<String>) Json.read(permissions),
                            rows.getString("stagedAt")));
                }
            }
        }
        return operations;
    }

    /** Forgets a transaction's operations, after a commit or a rollback. */
    public void discardOperations(Connection connection, long seq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + OPERATIONS
                + " WHERE \"_transaction\" = ?")) {
            statement.setLong(1, seq);
            statement.executeUpdate();
        }
    }

    public void delete(Connection connection, long seq) throws SQLException {
        discardOperations(connection, seq);
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + TRANSACTIONS
                + " WHERE \"_seq\" = ?")) {
            statement.setLong(1, seq);
            statement.executeUpdate();
        }
    }

    /** Deletes the transactions that expired before {@code now}, with their operations. */
    public void deleteExpired(Connection connection, String now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM "
                + OPERATIONS + " WHERE \"_transaction\" IN (SELECT \"_seq\" FROM " + TRANSACTIONS
                + " WHERE \"expiresAt\" < ?)")) {
            statement.setString(1, now);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + TRANSACTIONS
                + " WHERE \"expiresAt\" < ?")) {
            statement.setString(1, now);
            statement.executeUpdate();
        }
    }

    private static TransactionRow row(ResultSet rows) throws SQLException {
        return new TransactionRow(rows.getLong("_seq"), rows.getString("_uid"), rows.getString("status"),
                rows.getInt("operations"), rows.getString("_owner"), rows.getString("_createdAt"),
                rows.getString("_updatedAt"), rows.getString("expiresAt"));
    }
}
