package dev.quire;

import dev.quire.internal.Access;
import dev.quire.internal.Clock;
import dev.quire.internal.Errors;
import dev.quire.internal.realtime.Action;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.schema.Keys;
import dev.quire.internal.storage.DocumentTable;
import dev.quire.internal.storage.DocumentTable.NewDocument;
import dev.quire.internal.storage.PageRequest;
import dev.quire.internal.storage.Paging;
import dev.quire.internal.storage.StoredDocument;
import dev.quire.internal.storage.UnitOfWork;
import dev.quire.internal.storage.UnitOfWork.Write;
import dev.quire.permissions.Grant;
import dev.quire.permissions.PermissionException;
import dev.quire.permissions.PermissionType;
import dev.quire.permissions.Permissions;
import dev.quire.query.Method;
import dev.quire.query.Order;
import dev.quire.query.QueryPlan;
import dev.quire.query.internal.Datetimes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Documents many at a time: Appwrite's bulk create, upsert, update and delete. Each call is one unit of work,
 * so it writes everything or nothing. There is no cap on the number of documents (Appwrite's is 100 per
 * call); rows go to H2 in JDBC batches of {@link DocumentTable#BATCH}, and a call never holds more than the
 * documents it returns plus one batch.
 *
 * <p>Permissions, as Appwrite's database layer applies them: bulk create is for server keys only (a caller
 * gets {@code general_unauthorized_scope}, as from Appwrite's endpoint); an update or delete by a caller
 * touches the documents it may update or delete, which needs the collection-level permission or document
 * security; an upsert checks create or update per document.
 */
final class BulkDocumentService {
    /** How many of the changed documents an update or delete returns, as Appwrite's response holds one batch. */
    static final int RESPONSE_LIMIT = 100;

    private final Catalog catalog;
    private final ChangeEvents events;

    BulkDocumentService(Catalog catalog, ChangeEvents events) {
        this.catalog = catalog;
        this.events = events;
    }

    DocumentList create(UnitOfWork unit, Access access, String databaseId, String collectionId,
                        List<? extends Map<String, ?>> documents) {
        Errors.require(documents, "documents");
        if (documents.isEmpty()) {
            throw Errors.missingData();
        }
        if (!access.isRoot()) {
            throw Errors.unauthorizedScope();
        }
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        CollectionSchema schema = table.schema();
        String now = Clock.now();
        List<Document> created = new ArrayList<>(documents.size());
        List<NewDocument> batch = new ArrayList<>(Math.min(documents.size(), DocumentTable.BATCH));
        for (Map<String, ?> item : documents) {
            Errors.require(item, "documents");
            String id = itemId(item.get("$id"));
            List<Grant> grants = itemGrants(access, item.get("$permissions"));
            Map<String, Object> values = schema.validator().validate(DocumentService.attributesOf(item));
            batch.add(new NewDocument(id, timestamp(item, "$createdAt", now), timestamp(item, "$updatedAt", now),
                    values, grants));
            if (batch.size() == DocumentTable.BATCH) {
                insert(unit, table, batch, created);
            }
        }
        insert(unit, table, batch, created);
        return new DocumentList(created.size(), created);
    }

    private void insert(UnitOfWork unit, DocumentTable table, List<NewDocument> batch, List<Document> created) {
        if (batch.isEmpty()) {
            return;
        }
        CollectionSchema schema = table.schema();
        long[] seqs = unit.write(connection -> table.insertAll(connection, batch));
        for (int i = 0; i < seqs.length; i++) {
            NewDocument document = batch.get(i);
            unit.wrote(new Write(Write.Kind.CREATE, schema.seq(), document.id()));
            // One event per document, as Appwrite's bulk routes fire them.
            created.add(events.wrote(unit, Action.CREATE, schema, Models.document(schema, new StoredDocument(seqs[i],
                    document.id(), document.createdAt(), document.updatedAt(),
                    Permissions.toStrings(document.permissions()), document.values()))));
        }
        batch.clear();
    }

    DocumentList upsert(UnitOfWork unit, Access access, String databaseId, String collectionId,
                        List<? extends Map<String, ?>> documents) {
        Errors.require(documents, "documents");
        if (documents.isEmpty()) {
            throw Errors.missingData();
        }
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        CollectionSchema schema = table.schema();
        String now = Clock.now();
        List<Document> upserted = new ArrayList<>(documents.size());
        unit.write(connection -> {
            for (Map<String, ?> item : documents) {
                Errors.require(item, "documents");
                upsertOne(unit, access, table, connection, item, now)
                        .map(document -> events.wrote(unit, Action.UPSERT, schema, document))
                        .ifPresent(upserted::add);
            }
            return null;
        });
        return new DocumentList(upserted.size(), upserted);
    }

    /** One item of an upsert; empty when it exists and nothing in it differs from what is stored. */
    private Optional<Document> upsertOne(UnitOfWork unit, Access access, DocumentTable table,
                                                Connection connection, Map<String, ?> item, String now)
            throws SQLException {
        CollectionSchema schema = table.schema();
        String id = itemId(item.get("$id"));
        List<Grant> grants = item.get("$permissions") == null ? null : itemGrants(access, item.get("$permissions"));
        Operators operators = Operators.in(schema, DocumentService.attributesOf(item));
        String updatedAt = access.isRoot() ? timestamp(item, "$updatedAt", now) : now;
        Optional<StoredDocument> found = table.find(connection, id, true);
        if (found.isEmpty()) {
            access.requireCollection(schema, PermissionType.CREATE);
            List<Grant> granted = grants == null ? access.documentGrants(null) : grants;
            Map<String, Object> values = schema.validator().validate(operators.appliedToNew(now));
            String createdAt = access.isRoot() ? timestamp(item, "$createdAt", now) : now;
            NewDocument document = new NewDocument(id, createdAt, updatedAt, values, granted);
            long seq = table.insertAll(connection, List.of(document))[0];
            unit.wrote(new Write(Write.Kind.CREATE, schema.seq(), id));
            return Optional.of(Models.document(schema, new StoredDocument(seq, id, document.createdAt(), updatedAt,
                    Permissions.toStrings(granted), values)));
        }
        StoredDocument existing = found.get();
        if (!access.allows(schema, PermissionType.UPDATE, existing)) {
            throw Errors.unauthorized();
        }
        // Attributes an item leaves out keep their stored values, as in Appwrite's bulk upsert.
        Map<String, Object> merged = new LinkedHashMap<>(existing.data());
        merged.putAll(operators.appliedTo(existing.data(), now));
        Map<String, Object> values = schema.validator().validate(merged);
        boolean permissionsChanged = grants != null
                && !Permissions.toStrings(grants).equals(existing.permissions());
        boolean timestamps = access.isRoot() && (item.get("$createdAt") != null || item.get("$updatedAt") != null);
        if (!operators.any() && !permissionsChanged && !timestamps && values.equals(existing.data())) {
            return Optional.empty();
        }
        String createdAt = access.isRoot() && item.get("$createdAt") != null ? timestamp(item, "$createdAt", now)
                : null;
        table.updateAll(connection, List.of(existing), createdAt, updatedAt,
                DocumentService.withoutNumeric(values, operators), grants, operators.numeric());
        unit.wrote(new Write(Write.Kind.UPDATE, schema.seq(), id));
        return Optional.of(Models.document(schema, table.findAll(connection, List.of(existing.seq())).get(0)));
    }

    DocumentList update(UnitOfWork unit, Access access, String databaseId, String collectionId, Map<String, ?> data,
                        List<String> queries) {
        if (data == null || data.isEmpty()) {
            throw Errors.missingPayload();
        }
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        CollectionSchema schema = table.schema();
        QueryPlan plan = DocumentService.plan(queries, schema);
        String now = Clock.now();
        List<Grant> grants = data.containsKey("$permissions") ? itemGrants(access, data.get("$permissions")) : null;
        String createdAt = access.isRoot() && data.get("$createdAt") != null ? timestamp(data, "$createdAt", now)
                : null;
        String updatedAt = access.isRoot() ? timestamp(data, "$updatedAt", now) : now;
        Operators operators = Operators.in(schema, DocumentService.attributesOf(data));
        // Values are the same for every document and are checked once. Operators other than numeric ones
        // depend on what each document holds, so with one of them each document is computed and checked alone.
        Map<String, Object> common = schema.validator().validatePartial(operators.plain());
        boolean perDocument = operators.computedInJava();
        Set<String> roles = access.rowFilter(schema, PermissionType.UPDATE);
        return unit.write(connection -> {
            List<Long> seqs = table.matching(connection, request(table, connection, plan, roles), PermissionType.UPDATE);
            List<Document> shown = new ArrayList<>();
            for (List<Long> chunk : chunks(seqs)) {
                List<StoredDocument> before = table.findAll(connection, chunk);
                if (!perDocument) {
                    table.updateAll(connection, before, createdAt, updatedAt, common, grants, operators.numeric());
                } else {
                    for (StoredDocument document : before) {
                        Map<String, Object> merged = new LinkedHashMap<>(document.data());
                        merged.putAll(operators.appliedTo(document.data(), now));
                        Map<String, Object> values = schema.validator().validate(merged);
                        table.updateAll(connection, List.of(document), createdAt, updatedAt,
                                DocumentService.withoutNumeric(values, operators), grants, operators.numeric());
                    }
                }
                for (StoredDocument document : before) {
                    unit.wrote(new Write(Write.Kind.UPDATE, schema.seq(), document.id()));
                }
                if (events.realtime.hasSubscribers()) {
                    // Events carry each document as it is now, which SQL may have computed: read the batch back.
                    for (StoredDocument document : table.findAll(connection, chunk)) {
                        events.wrote(unit, Action.UPDATE, schema, Models.document(schema, document));
                    }
                }
                show(table, connection, chunk, shown);
            }
            return new DocumentList(seqs.size(), shown);
        });
    }

    DocumentList delete(UnitOfWork unit, Access access, String databaseId, String collectionId, List<String> queries) {
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        CollectionSchema schema = table.schema();
        QueryPlan plan = DocumentService.plan(queries, schema);
        Set<String> roles = access.rowFilter(schema, PermissionType.DELETE);
        return unit.write(connection -> {
            List<Long> seqs = table.matching(connection, request(table, connection, plan, roles), PermissionType.DELETE);
            List<Document> shown = new ArrayList<>();
            for (List<Long> chunk : chunks(seqs)) {
                List<StoredDocument> documents = table.findAll(connection, chunk);
                for (StoredDocument document : documents) {
                    if (shown.size() < RESPONSE_LIMIT) {
                        shown.add(Models.document(schema, document));
                    }
                    unit.wrote(new Write(Write.Kind.DELETE, schema.seq(), document.id()));
                    events.wrote(unit, Action.DELETE, schema, Models.document(schema, document));
                }
                table.deleteAll(connection, documents);
            }
            return new DocumentList(seqs.size(), shown);
        });
    }

    /** What a bulk update or delete selects: the queries' filters, order, cursor, limit and offset; no limit is all. */
    private static PageRequest request(DocumentTable table, Connection connection, QueryPlan plan, Set<String> roles)
            throws SQLException {
        StoredDocument cursor = null;
        if (plan.cursor() != null) {
            cursor = table.find(connection, plan.cursor().documentId(), false)
                    .orElseThrow(() -> Errors.cursorNotFound("Document", plan.cursor().documentId()));
        }
        List<Order> orders = plan.orders().stream().filter(o -> o.method() != Method.ORDER_RANDOM).toList();
        return new PageRequest(plan.filters(), orders, false, List.of(), cursor,
                plan.cursor() != null && plan.cursor().method() == Method.CURSOR_BEFORE,
                plan.limit() == null ? Integer.MAX_VALUE : plan.limit(), Paging.offset(plan), roles);
    }

    /** Adds the first changed documents, as they are now, to the response until it holds {@link #RESPONSE_LIMIT}. */
    private static void show(DocumentTable table, Connection connection, List<Long> chunk, List<Document> shown)
            throws SQLException {
        if (shown.size() < RESPONSE_LIMIT) {
            List<Long> wanted = chunk.subList(0, Math.min(chunk.size(), RESPONSE_LIMIT - shown.size()));
            for (StoredDocument document : table.findAll(connection, wanted)) {
                shown.add(Models.document(table.schema(), document));
            }
        }
    }

    private static List<List<Long>> chunks(List<Long> seqs) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int start = 0; start < seqs.size(); start += DocumentTable.BATCH) {
            chunks.add(seqs.subList(start, Math.min(seqs.size(), start + DocumentTable.BATCH)));
        }
        return chunks;
    }

    /** An item's {@code $id}: given, or generated when missing or {@code unique()}; Appwrite checks it per item. */
    private static String itemId(Object id) {
        if (id == null || "unique()".equals(id)) {
            return ID.unique();
        }
        if (!(id instanceof String text) || !Keys.isValid(text)) {
            throw Errors.badRequest(Keys.RULE);
        }
        return text;
    }

    /**
     * An item's {@code $permissions}: none when missing (a server key's documents have none unless given);
     * a caller may only grant roles it holds.
     */
    private static List<Grant> itemGrants(Access access, Object permissions) {
        if (permissions == null) {
            return access.documentGrants(null);
        }
        if (!(permissions instanceof List<?> list) || list.stream().anyMatch(p -> !(p instanceof String))) {
            throw Errors.badRequest("Permissions must be an array of strings.");
        }
        List<String> strings = list.stream().map(String.class::cast).toList();
        try {
            Permissions.forDocument(strings);
        } catch (PermissionException e) {
            throw Errors.badRequest(e.getMessage());
        }
        return access.documentGrants(strings);
    }

    /**
     * {@code $createdAt} or {@code $updatedAt} as a server key may set them on bulk writes (Appwrite's
     * timestamp overrides); {@code now} when not given. Callers' values are ignored, as Appwrite strips them.
     */
    private static String timestamp(Map<String, ?> item, String key, String now) {
        Object value = item.get(key);
        if (value == null) {
            return now;
        }
        Optional<String> canonical = value instanceof String text ? Datetimes.canonical(text) : Optional.empty();
        return canonical.orElseThrow(() -> Errors.invalidStructure("Attribute \"" + key
                + "\" has invalid format. Value must be valid date."));
    }
}
