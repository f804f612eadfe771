package dev.quire;

import dev.quire.internal.Access;
import dev.quire.internal.Clock;
import dev.quire.internal.Errors;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.schema.Keys;
import dev.quire.internal.storage.Rows;
import dev.quire.internal.storage.StagedOperation;
import dev.quire.internal.storage.StagedOperation.Action;
import dev.quire.internal.storage.Store;
import dev.quire.internal.storage.StoredDocument;
import dev.quire.internal.storage.TransactionRow;
import dev.quire.internal.storage.TransactionStore;
import dev.quire.internal.storage.UnitOfWork;
import dev.quire.permissions.PermissionType;
import dev.quire.permissions.Permissions;
import dev.quire.query.Field;
import dev.quire.query.FieldType;
import dev.quire.query.QueryPlan;
import dev.quire.query.QuerySchema;
import dev.quire.query.internal.Datetimes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Appwrite's staged transactions: operations recorded in the store by calls that carry a transaction id, shown
 * to reads that carry it, and replayed in one unit of work at commit.
 *
 * <p>Reads with a transaction id replay the staged operations in a unit of work that is then rolled back, and
 * run the read in it: filters, order, limit and totals see the staged state exactly. (Appwrite overlays staged
 * documents on the committed page without re-filtering them.)
 */
final class TransactionService {
    static final int TTL_MIN = 60;
    static final int TTL_MAX = 3600;
    static final int TTL_DEFAULT = 300;
    private static final QuerySchema FIELDS = QuerySchema.of(List.of(
            new Field("status", FieldType.STRING, false), new Field("expiresAt", FieldType.DATETIME, false)));

    /** Where a staging call comes from: Appwrite answers a non-pending transaction differently on each path. */
    enum Path { DOCUMENT, OPERATIONS }

    /** One operation to stage, as a caller describes it. */
    record Request(Action action, String databaseId, String collectionId, String documentId,
                   Map<String, ?> data, List<String> permissions) {
    }

    private static final Set<String> UNSUPPORTED = Set.of("increment", "decrement", "bulkCreate", "bulkUpdate",
            "bulkUpsert", "bulkDelete");

    private final Store store;
    private final Catalog catalog;
    private final DocumentService documents;
    private final TransactionStore transactions = new TransactionStore();
    private final int operationLimit;

    TransactionService(Store store, Catalog catalog, DocumentService documents, int operationLimit) {
        this.store = store;
        this.catalog = catalog;
        this.documents = documents;
        this.operationLimit = operationLimit;
    }

    Transaction create(UnitOfWork unit, Access access, Integer ttl) {
        int seconds = ttl == null ? TTL_DEFAULT : ttl;
        if (seconds < TTL_MIN || seconds > TTL_MAX) {
            throw Errors.invalidParam("ttl", "Value must be a valid range between 60 and 3,600");
        }
        Instant now = Instant.now();
        String created = Datetimes.format(now);
        String expires = Datetimes.format(now.plusSeconds(seconds));
        String id = ID.unique();
        unit.write(connection -> {
            // Expired transactions can never commit; they go when a new one is made.
            transactions.deleteExpired(connection, created);
            transactions.insert(connection, id, owner(access), created, expires);
            return null;
        });
        return new Transaction(id, created, created, "pending", 0, expires);
    }

    Transaction get(UnitOfWork unit, Access access, String transactionId) {
        return model(find(unit, access, transactionId, false));
    }

    TransactionList list(UnitOfWork unit, Access access, List<String> queries) {
        QueryPlan plan = QueryPlan.of(queries == null ? List.of() : queries, FIELDS);
        if (!access.isRoot() && owner(access) == null) {
            return new TransactionList(0, List.of()); // a guest's transactions carry no permission it holds
        }
        Rows<TransactionRow> rows = unit.read(connection -> transactions.list(connection, plan, FIELDS.fields(),
                access.isRoot() ? null : owner(access)));
        return new TransactionList(rows.total(), rows.items().stream().map(TransactionService::model).toList());
    }

    void delete(UnitOfWork unit, Access access, String transactionId) {
        TransactionRow row = find(unit, access, transactionId, true);
        unit.write(connection -> {
            transactions.delete(connection, row.seq());
            return null;
        });
    }

    /**
     * The first step of {@code updateTransaction}: checks the request and the transaction; rolls it back, or marks
     * it {@code committing} for {@link #commit} to replay in a unit of its own.
     */
    Transaction start(UnitOfWork unit, Access access, String transactionId, Boolean commit, Boolean rollback) {
        boolean committing = Boolean.TRUE.equals(commit);
        boolean rollingBack = Boolean.TRUE.equals(rollback);
        if (!committing && !rollingBack) {
            throw Errors.of("general_bad_request", 400, "Either commit or rollback must be true");
        }
        if (committing && rollingBack) {
            throw Errors.of("general_bad_request", 400, "Cannot commit and rollback at the same time");
        }
        TransactionRow row = find(unit, access, transactionId, true);
        if (!row.status().equals("pending")) {
            throw transactionNotReady();
        }
        requireUnexpired(row);
        String now = Clock.now();
        // Appwrite marks a rolled-back transaction failed: it never writes the rolled_back its docs list.
        String status = committing ? "committing" : "failed";
        unit.write(connection -> {
            transactions.setStatus(connection, row.seq(), status, now);
            if (rollingBack) {
                transactions.discardOperations(connection, row.seq());
            }
            return null;
        });
        return new Transaction(row.id(), row.createdAt(), now, status, row.operations(), row.expiresAt());
    }

    /**
     * Replays a {@code committing} transaction's operations in this unit, in staging order, and marks it
     * committed: all of it is written, or none of it. A document changed since its operation was staged is a
     * {@code transaction_conflict}.
     *
     * <p>When an operation fails, the unit rolls back and the caller marks the transaction failed; a create
     * of an id that exists by now is a {@code transaction_conflict} and a storage failure a
     * {@code transaction_failed}, as in Appwrite.
     */
    Transaction commit(UnitOfWork unit, String transactionId) {
        TransactionRow row = unit.write(connection -> transactions.find(connection, transactionId, true))
                .orElseThrow(() -> transactionNotFound(transactionId));
        List<StagedOperation> operations = unit.read(connection -> transactions.operations(connection, row.seq()));
        try {
            lockCollections(unit, operations);
            replay(unit, operations, true);
        } catch (QuireException e) {
            throw switch (e.getType()) {
                case "document_already_exists" -> Errors.transactionConflict();
                // The store failed under the replay (a lock wait ran out, an I/O error): Appwrite's
                // transaction_failed, with the cause kept.
                case "general_server_error", "database_timeout" -> new QuireException("transaction_failed", 400,
                        "Transaction failed: " + e.getMessage(), e);
                default -> e;
            };
        }
        String now = Clock.now();
        unit.write(connection -> {
            transactions.setStatus(connection, row.seq(), "committed", now);
            transactions.discardOperations(connection, row.seq());
            return null;
        });
        return new Transaction(row.id(), row.createdAt(), now, "committed", row.operations(), row.expiresAt());
    }

    /** Marks a transaction whose commit failed. */
    void fail(UnitOfWork unit, String transactionId) {
        unit.write(connection -> {
            Optional<TransactionRow> row = transactions.find(connection, transactionId, true);
            if (row.isPresent()) {
                transactions.setStatus(connection, row.get().seq(), "failed", Clock.now());
                transactions.discardOperations(connection, row.get().seq());
            }
            return null;
        });
    }

    /**
     * Stages operations: checks the transaction, the limit, the targets and the caller's permissions against the
     * transaction's staged state, and records them.
     *
     * @return the staged state of each document after its operation, as Appwrite answers a staging call (the
     *         operation's data over the document; {@code null} for a delete)
     */
    List<Document> stage(UnitOfWork unit, Access access, String transactionId, List<Request> requests, Path path) {
        TransactionRow row = pending(unit, access, transactionId, path);
        if (row.operations() + requests.size() > operationLimit) {
            throw Errors.of("transaction_limit_exceeded", 400, "Transaction already has " + row.operations()
                    + " operations, adding " + requests.size() + " would exceed the maximum of " + operationLimit);
        }
        String now = Clock.now();
        List<StagedOperation> staged = new ArrayList<>();
        List<Document> responses = new ArrayList<>();
        // Single-document operations touch only their document: replaying those on the requested documents is
        // enough to check and answer, and keeps a staging call's cost flat as the transaction grows.
        Map<String, Integer> lastRequest = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            lastRequest.put(key(request.databaseId(), request.collectionId(), request.documentId()), i);
        }
        Set<String> targets = lastRequest.keySet();
        List<StagedOperation> before = unit.read(connection -> transactions.operations(connection, row.seq()))
                .stream().filter(operation -> targets.contains(key(operation.databaseId(),
                        operation.collectionId(), operation.documentId()))).toList();
        inStagedState(before, view -> {
            for (int i = 0; i < requests.size(); i++) {
                Request request = requests.get(i);
                StagedOperation operation = check(view, access, request, now);
                if (path == Path.DOCUMENT) {
                    responses.add(response(view, operation)); // createOperations answers with the transaction
                }
                Integer last = lastRequest.get(key(operation.databaseId(), operation.collectionId(),
                        operation.documentId()));
                if (last != null && last > i) {
                    try {
                        apply(view, operation); // a later request names this document: it is checked against this
                    } catch (QuireException e) {
                        // Invalid data fails at commit, as in Appwrite; later operations see the document without it.
                    }
                }
                staged.add(operation);
            }
            return null;
        });
        unit.write(connection -> {
            transactions.stage(connection, row.seq(), staged, now);
            return null;
        });
        return responses;
    }

    /**
     * One operation of {@code createOperations}, checked for shape as Appwrite's Operation validator does:
     * {@code action}, {@code databaseId}, {@code collectionId}, {@code documentId} and, except for a delete, a
     * {@code data} object that may hold {@code $permissions}.
     */
    @SuppressWarnings("unchecked")
    static Request request(Map<String, ?> operation) {
        Object action = operation.get("action");
        if (!(action instanceof String name)) {
            throw invalidOperation("action is required");
        }
        Action known = Action.of(name);
        if (known == null) {
            throw Errors.of("general_bad_request", 400, UNSUPPORTED.contains(name)
                    ? "Invalid action: " + name + " operations cannot be staged in Quire yet"
                    : "Invalid action: " + name);
        }
        String databaseId = text(operation, "databaseId");
        String collectionId = text(operation, "collectionId");
        String documentId = text(operation, "documentId");
        Object data = operation.get("data");
        if (known != Action.DELETE && !(data instanceof Map)) {
            throw invalidOperation("data is required for " + name);
        }
        Map<String, Object> values = data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Object permissions = values.get("$permissions");
        if (permissions != null && !(permissions instanceof List)) {
            throw invalidOperation("$permissions must be an array");
        }
        return new Request(known, databaseId, collectionId, documentId, values, (List<String>) permissions);
    }

    private static String text(Map<String, ?> operation, String key) {
        Object value = operation.get(key);
        if (!(value instanceof String text) || text.isEmpty()) {
            throw invalidOperation(key + " is required and must be a non-empty string");
        }
        return text;
    }

    private static QuireException invalidOperation(String description) {
        return Errors.invalidParam("operations", "Invalid operation: " + description);
    }

    /** The transaction for a read with its id: the staged operations while it is pending, none otherwise. */
    List<StagedOperation> stagedForRead(UnitOfWork unit, Access access, String transactionId) {
        TransactionRow row = find(unit, access, transactionId, false);
        if (!row.status().equals("pending")) {
            return List.of(); // committed, failed or committing: reads see the committed data, as in Appwrite
        }
        return unit.read(connection -> transactions.operations(connection, row.seq()));
    }

    /**
     * Runs work against the store as it would be after the given operations, in a unit that is rolled back
     * after: nothing of the replay is ever committed.
     */
    <T> T inStagedState(List<StagedOperation> operations, Function<UnitOfWork, T> work) {
        try (UnitOfWork view = store.beginTransaction()) {
            replay(view, operations, false);
            return work.apply(view);
        }
    }

    private StagedOperation check(UnitOfWork view, Access access, Request request, String now) {
        String databaseId = requireText("databaseId", request.databaseId());
        String collectionId = requireText("collectionId", request.collectionId());
        CollectionSchema schema = catalog.table(access, databaseId, collectionId).schema();
        Action action = request.action();
        String documentId = action == Action.CREATE || action == Action.UPSERT
                ? Keys.resolveId("documentId", request.documentId()) : requireText("documentId", request.documentId());
        Map<String, Object> data = request.data() == null ? Map.of() : DocumentService.attributesOf(request.data());
        List<String> permissions = request.permissions();
        Optional<StoredDocument> current = action == Action.CREATE ? Optional.empty()
                : documents.find(view, databaseId, collectionId, documentId);
        switch (action) {
            case CREATE -> {
                access.requireCollection(schema, PermissionType.CREATE);
                permissions = resolve(access, permissions);
            }
            case UPDATE -> {
                if (data.isEmpty() && permissions == null) {
                    throw Errors.missingPayload();
                }
                requireAllowed(access, schema, PermissionType.UPDATE, current.orElseThrow(Errors::documentNotFound));
                permissions = permissions == null ? null : resolve(access, permissions);
            }
            case UPSERT -> {
                if (current.isPresent()) {
                    requireAllowed(access, schema, PermissionType.UPDATE, current.get());
                    permissions = permissions == null ? null : resolve(access, permissions);
                } else {
                    access.requireCollection(schema, PermissionType.CREATE);
                    permissions = resolve(access, permissions);
                }
            }
            case DELETE -> requireAllowed(access, schema, PermissionType.DELETE,
                    current.orElseThrow(Errors::documentNotFound));
        }
        return new StagedOperation(action, databaseId, collectionId, documentId, new LinkedHashMap<>(data),
                permissions, now);
    }

    /** What a staging call answers: the operation's data over the document as the transaction has it. */
    private Document response(UnitOfWork view, StagedOperation operation) {
        if (operation.action() == Action.DELETE) {
            return null;
        }
        CollectionSchema schema = catalog.table(Access.root(), operation.databaseId(), operation.collectionId())
                .schema();
        Optional<StoredDocument> current = operation.action() == Action.CREATE ? Optional.empty()
                : documents.find(view, operation.databaseId(), operation.collectionId(), operation.documentId());
        Map<String, Object> data = new LinkedHashMap<>();
        if (operation.action() == Action.UPDATE) {
            current.ifPresent(document -> data.putAll(document.data()));
        }
        data.putAll(operation.data());
        Map<String, Object> values;
        try {
            values = schema.validator().validate(data); // typed as a read gives them: integers as Long, …
        } catch (QuireException invalid) {
            values = data; // fails at commit, as in Appwrite; answered as given
        }
        List<String> permissions = operation.permissions() != null ? operation.permissions()
                : current.map(StoredDocument::permissions).orElse(List.of());
        String createdAt = current.map(StoredDocument::createdAt).orElse(operation.stagedAt());
        long sequence = current.map(StoredDocument::seq).orElse(0L);
        return Models.document(schema, new StoredDocument(sequence, operation.documentId(), createdAt,
                operation.stagedAt(), permissions, values));
    }

    /** Takes the read locks of every collection the operations touch, in ascending order, before any write. */
    private void lockCollections(UnitOfWork unit, List<StagedOperation> operations) {
        Set<List<String>> targets = new HashSet<>();
        for (StagedOperation operation : operations) {
            targets.add(List.of(operation.databaseId(), operation.collectionId()));
        }
        targets.stream()
                .map(target -> catalog.table(Access.root(), target.get(0), target.get(1)).schema())
                .sorted(Comparator.comparingLong(CollectionSchema::seq))
                .forEach(schema -> catalog.forDocuments(unit, Access.root(), schema.database().id(), schema.id()));
    }

    /**
     * Applies operations in order. At commit ({@code checked}) a document changed after its operation was staged
     * is a conflict, unless this transaction wrote it already (Appwrite stamps each replayed write with its
     * operation's staging time, so later operations of the same transaction pass its check); in a read's replay
     * nothing is checked and an operation that no longer applies is left out.
     */
    private void replay(UnitOfWork unit, List<StagedOperation> operations, boolean checked) {
        Set<String> written = new HashSet<>();
        for (StagedOperation operation : operations) {
            if (!checked) {
                try {
                    apply(unit, operation);
                } catch (QuireException e) {
                    // the document is gone or changed outside; the read shows the rest
                }
                continue;
            }
            String key = key(operation.databaseId(), operation.collectionId(), operation.documentId());
            if (operation.action() != Action.CREATE && !written.contains(key)) {
                Optional<StoredDocument> current = documents.find(unit, operation.databaseId(),
                        operation.collectionId(), operation.documentId());
                // Appwrite's rule: the document's $updatedAt later than the operation's staging time.
                if (current.isPresent() && current.get().updatedAt().compareTo(operation.stagedAt()) > 0) {
                    throw Errors.transactionConflict();
                }
            }
            apply(unit, operation);
            written.add(key);
        }
    }

    /** A document's identity across collections; ids are unique regardless of case, as in Appwrite. */
    private static String key(String databaseId, String collectionId, String documentId) {
        return databaseId + "\u0000" + collectionId + "\u0000"
                + (documentId == null ? "" : documentId.toLowerCase(Locale.ROOT));
    }

    private void apply(UnitOfWork unit, StagedOperation operation) {
        Access root = Access.root();
        String databaseId = operation.databaseId();
        String collectionId = operation.collectionId();
        String documentId = operation.documentId();
        switch (operation.action()) {
            case CREATE -> documents.create(unit, root, databaseId, collectionId, documentId, operation.data(),
                    operation.permissions());
            case UPDATE -> documents.update(unit, root, databaseId, collectionId, documentId, operation.data(),
                    operation.permissions());
            case UPSERT -> documents.upsert(unit, root, databaseId, collectionId, documentId, operation.data(),
                    operation.permissions());
            case DELETE -> documents.delete(unit, root, databaseId, collectionId, documentId);
        }
    }

    /** A transaction the caller may see, or {@code transaction_not_found}. */
    private TransactionRow find(UnitOfWork unit, Access access, String transactionId, boolean forUpdate) {
        requireText("transactionId", transactionId);
        Optional<TransactionRow> row = forUpdate
                ? unit.write(connection -> transactions.find(connection, transactionId, true))
                : unit.read(connection -> transactions.find(connection, transactionId, false));
        if (row.isEmpty() || !(access.isRoot() || (row.get().owner() != null
                && row.get().owner().equals(owner(access))))) {
            throw transactionNotFound(transactionId);
        }
        return row.get();
    }

    /** A transaction operations may be staged in, locked until the staging unit ends. */
    private TransactionRow pending(UnitOfWork unit, Access access, String transactionId, Path path) {
        TransactionRow row = find(unit, access, transactionId, true);
        if (!row.status().equals("pending")) {
            throw path == Path.DOCUMENT ? transactionNotReady()
                    : Errors.of("general_bad_request", 400, "Invalid or non-pending transaction");
        }
        requireUnexpired(row);
        return row;
    }

    private static void requireUnexpired(TransactionRow row) {
        if (row.expiresAt().compareTo(Clock.now()) < 0) {
            throw Errors.of("transaction_expired", 410, "Transaction with the requested ID '" + row.id()
                    + "' has expired.");
        }
    }

    private static void requireAllowed(Access access, CollectionSchema schema, PermissionType type,
                                       StoredDocument document) {
        if (!access.allows(schema, type, document)) {
            throw Errors.unauthorized();
        }
    }

    private static List<String> resolve(Access access, List<String> permissions) {
        return Permissions.toStrings(access.documentGrants(permissions));
    }

    private static String requireText(String param, String value) {
        if (value == null || value.isEmpty()) {
            throw Errors.invalidParam(param, "Value must be a valid string and at least 1 chars and no longer than "
                    + "36 chars");
        }
        return value;
    }

    private static String owner(Access access) {
        return access.userId();
    }

    private static QuireException transactionNotFound(String transactionId) {
        return Errors.of("transaction_not_found", 404, "Transaction with the requested ID '" + transactionId
                + "' could not be found.");
    }

    private static QuireException transactionNotReady() {
        return Errors.of("transaction_not_ready", 400, "Transaction is not ready for this operation.");
    }

    private static Transaction model(TransactionRow row) {
        return new Transaction(row.id(), row.createdAt(), row.updatedAt(), row.status(), row.operations(),
                row.expiresAt());
    }
}
