package dev.quire;

import dev.quire.internal.Access;
import dev.quire.internal.Clock;
import dev.quire.internal.Errors;
import dev.quire.internal.Json;
import dev.quire.internal.realtime.Action;
import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.AttributeType;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.schema.Keys;
import dev.quire.internal.storage.DocumentTable;
import dev.quire.internal.storage.PageRequest;
import dev.quire.internal.storage.Paging;
import dev.quire.internal.storage.Store;
import dev.quire.internal.storage.StoredDocument;
import dev.quire.internal.storage.UnitOfWork;
import dev.quire.internal.storage.UnitOfWork.Write;
import dev.quire.permissions.Grant;
import dev.quire.permissions.PermissionType;
import dev.quire.permissions.Permissions;
import dev.quire.query.Method;
import dev.quire.query.OperatorMethod;
import dev.quire.query.UpdateOperator;
import dev.quire.query.internal.JsonWriter;
import dev.quire.query.Order;
import dev.quire.query.QueryPlan;
import dev.quire.query.internal.Datetimes;
import tools.jackson.core.JacksonException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Documents: validation, Appwrite's permission rules and write semantics, run in the unit of work it is
 * given, under the collection's read lock.
 */
final class DocumentService {
    private static final Set<String> SYSTEM_KEYS = Set.of("$id", "$sequence", "$collectionId", "$databaseId",
            "$createdAt", "$updatedAt", "$permissions", "$collection", "$tenant");

    private final Catalog catalog;
    private final ChangeEvents events;

    DocumentService(Catalog catalog, ChangeEvents events) {
        this.catalog = catalog;
        this.events = events;
    }

    Document create(UnitOfWork unit, Access access, String databaseId, String collectionId, String documentId,
                    Map<String, ?> data, List<String> permissions) {
        Errors.require(data, "data");
        if (data.isEmpty()) {
            throw Errors.missingData();
        }
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        CollectionSchema schema = table.schema();
        String id = Keys.resolveId("documentId", documentId);
        List<Grant> grants = access.documentGrants(permissions);
        access.requireCollection(schema, PermissionType.CREATE);
        Timestamps given = Timestamps.of(access, data);
        Map<String, Object> values = schema.validator().validate(attributesOf(data));
        return events.wrote(unit, Action.CREATE, schema, insert(unit, table, id, values, grants, given));
    }

    Document get(UnitOfWork unit, Access access, String databaseId, String collectionId, String documentId,
                 List<String> queries) {
        Errors.require(documentId, "documentId");
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        CollectionSchema schema = table.schema();
        QueryPlan plan = plan(queries, schema);
        if (!plan.filters().isEmpty() || !plan.orders().isEmpty() || plan.limit() != null
                || plan.offset() != null || plan.cursor() != null) {
            throw Errors.queryInvalid("Invalid query: Only select queries are allowed when getting a document");
        }
        StoredDocument document = unit.read(connection -> table.find(connection, documentId, false))
                .orElseThrow(Errors::documentNotFound);
        if (!access.allows(schema, PermissionType.READ, document)) {
            throw Errors.documentNotFound();
        }
        return Models.document(schema, project(document, plan.select()));
    }

    DocumentList list(UnitOfWork unit, Access access, String databaseId, String collectionId, List<String> queries,
                      boolean total) {
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        CollectionSchema schema = table.schema();
        QueryPlan plan = plan(queries, schema);
        Set<String> readRoles = access.readFilter(schema);
        boolean random = plan.orders().stream().anyMatch(o -> o.method() == Method.ORDER_RANDOM);
        if (random && plan.cursor() != null) {
            throw Errors.queryInvalid("Invalid query: Cursor pagination cannot be combined with orderRandom");
        }
        List<Order> orders = plan.orders().stream().filter(o -> o.method() != Method.ORDER_RANDOM).toList();
        Store.Work<DocumentList> page = connection -> {
            StoredDocument cursor = null;
            if (plan.cursor() != null) {
                // Cursor documents are looked up without permission checks, as Appwrite does.
                cursor = table.find(connection, plan.cursor().documentId(), false)
                        .orElseThrow(() -> Errors.cursorNotFound("Document", plan.cursor().documentId()));
            }
            PageRequest request = new PageRequest(plan.filters(), orders, random, plan.select(), cursor,
                    plan.cursor() != null && plan.cursor().method() == Method.CURSOR_BEFORE,
                    Paging.limit(plan), Paging.offset(plan), readRoles);
            List<Document> documents = new ArrayList<>();
            for (StoredDocument document : table.page(connection, request)) {
                documents.add(Models.document(schema, document));
            }
            return new DocumentList(total ? table.count(connection, request) : 0, documents);
        };
        // A page with its total, or after a cursor read first, is several statements that must see one
        // snapshot; a lone page is one statement and needs no transaction around it.
        return total || plan.cursor() != null ? unit.snapshot(page) : unit.read(page);
    }

    Document update(UnitOfWork unit, Access access, String databaseId, String collectionId, String documentId,
                    Map<String, ?> data, List<String> permissions) {
        Errors.require(documentId, "documentId");
        if ((data == null || data.isEmpty()) && permissions == null) {
            throw Errors.missingPayload();
        }
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        Document updated = unit.write(connection -> {
            // Looked up without a read check: update needs update, and only a no-op needs read.
            StoredDocument existing = table.find(connection, documentId, true).orElseThrow(Errors::documentNotFound);
            List<Grant> newGrants = permissions == null ? null : access.documentGrants(permissions);
            return write(unit, access, table, connection, existing, attributesOf(data == null ? Map.of() : data),
                    true, newGrants, Timestamps.of(access, data == null ? Map.of() : data));
        });
        // Appwrite's route reports an update that changed nothing as well.
        return events.wrote(unit, Action.UPDATE, table.schema(), updated);
    }

    Document upsert(UnitOfWork unit, Access access, String databaseId, String collectionId, String documentId,
                    Map<String, ?> data, List<String> permissions) {
        Errors.require(data, "data");
        if (data.isEmpty() && permissions == null) {
            throw Errors.missingPayload();
        }
        String id = Keys.resolveId("documentId", documentId);
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        Document upserted;
        try {
            upserted = upsertOnce(unit, access, table, id, data, permissions);
        } catch (QuireException e) {
            // Two upserts of a new id can race to insert; the loser replaces what the winner wrote.
            if (!"document_already_exists".equals(e.getType()) || unit.isExplicit()) {
                throw e;
            }
            upserted = upsertOnce(unit, access, table, id, data, permissions);
        }
        // An upsert is an upsert whether it inserted or replaced, as Appwrite's route names it.
        return events.wrote(unit, Action.UPSERT, table.schema(), upserted);
    }

    private Document upsertOnce(UnitOfWork unit, Access access, DocumentTable table, String id, Map<String, ?> data,
                                List<String> permissions) {
        CollectionSchema schema = table.schema();
        Timestamps given = Timestamps.of(access, data);
        Optional<StoredDocument> found = unit.write(connection -> table.find(connection, id, true));
        if (found.isEmpty()) {
            List<Grant> grants = access.documentGrants(permissions);
            access.requireCollection(schema, PermissionType.CREATE);
            Operators operators = Operators.in(schema, attributesOf(data));
            Map<String, Object> values = schema.validator().validate(operators.appliedToNew(Clock.now()));
            return insert(unit, table, id, values, grants, given);
        }
        List<Grant> newGrants = permissions == null ? null : access.documentGrants(permissions);
        return unit.write(connection -> write(unit, access, table, connection, found.get(), attributesOf(data),
                false, newGrants, given));
    }

    /**
     * Adds to (or, with {@code up} false, subtracts from) a numeric attribute in SQL, so that concurrent calls
     * all count. Appwrite's endpoint fails past the bound instead of stopping at it, and answers a missing
     * document, as a missing attribute, with {@code attribute_not_found}.
     *
     * @param value the amount, greater than 0; null for 1
     * @param bound the maximum (up) or minimum (down) the result may reach, or null
     */
    Document increment(UnitOfWork unit, Access access, String databaseId, String collectionId, String documentId,
                       String attribute, Number value, Number bound, boolean up) {
        Errors.require(documentId, "documentId");
        Errors.require(attribute, "attribute");
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        CollectionSchema schema = table.schema();
        Number amount = value == null ? 1L : value;
        if (!(amount.doubleValue() > 0) || !Double.isFinite(amount.doubleValue())) {
            throw Errors.argument("Value must be numeric and greater than 0");
        }
        AttributeDef target = schema.attribute(attribute).orElseThrow(Errors::attributeNotFound);
        if (target.type().base() != AttributeType.INTEGER && target.type().base() != AttributeType.FLOAT || target.array()) {
            throw Errors.attributeNotANumber(attribute);
        }
        UpdateOperator operator = new UpdateOperator(attribute,
                up ? OperatorMethod.INCREMENT : OperatorMethod.DECREMENT, List.of(amount));
        String now = Clock.now();
        return unit.write(connection -> {
            if (!access.isRoot() || bound != null) {
                StoredDocument existing = table.find(connection, documentId, true)
                        .orElseThrow(Errors::attributeNotFound);
                if (!access.allows(schema, PermissionType.UPDATE, existing)) {
                    throw Errors.unauthorized();
                }
                if (bound != null) {
                    checkBound(existing.data().get(attribute), amount, bound, up, attribute);
                }
            }
            // One statement, which reads the stored value under its row lock: no increment is lost.
            StoredDocument updated = table.updateReturning(connection, documentId, now, operator)
                    .orElseThrow(Errors::attributeNotFound);
            unit.wrote(new Write(Write.Kind.UPDATE, schema.seq(), documentId));
            // Appwrite's increment and decrement routes fire the document's update event.
            return events.wrote(unit, Action.UPDATE, schema, Models.document(schema, updated));
        });
    }

    private static void checkBound(Object current, Number amount, Number bound, boolean up, String attribute) {
        BigDecimal base = current == null ? BigDecimal.ZERO : new BigDecimal(current.toString());
        BigDecimal delta = new BigDecimal(amount.toString());
        BigDecimal limit = new BigDecimal(bound.toString());
        if (up ? base.add(delta).compareTo(limit) > 0 : base.subtract(delta).compareTo(limit) < 0) {
            throw Errors.attributeBoundReached(attribute, up ? "maximum" : "minimum", JsonWriter.number(bound));
        }
    }

    void delete(UnitOfWork unit, Access access, String databaseId, String collectionId, String documentId) {
        Errors.require(documentId, "documentId");
        DocumentTable table = catalog.forDocuments(unit, access, databaseId, collectionId);
        CollectionSchema schema = table.schema();
        unit.write(connection -> {
            // Looked up without a read check: delete needs delete only, as in Appwrite.
            StoredDocument existing = table.find(connection, documentId, true).orElseThrow(Errors::documentNotFound);
            if (!access.allows(schema, PermissionType.DELETE, existing)) {
                throw Errors.unauthorized();
            }
            table.delete(connection, existing.seq());
            unit.wrote(new Write(Write.Kind.DELETE, schema.seq(), existing.id()));
            events.wrote(unit, Action.DELETE, schema, Models.document(schema, existing));
            return null;
        });
    }

    /** A document as stored, locked for the rest of the unit; no permission applies. */
    Optional<StoredDocument> find(UnitOfWork unit, String databaseId, String collectionId, String documentId) {
        DocumentTable table = catalog.forDocuments(unit, Access.root(), databaseId, collectionId);
        return unit.write(connection -> table.find(connection, documentId, true));
    }

    private static Document insert(UnitOfWork unit, DocumentTable table, String id, Map<String, Object> values,
                                   List<Grant> grants, Timestamps given) {
        CollectionSchema schema = table.schema();
        String now = Clock.now();
        String createdAt = given.createdAt() == null ? now : given.createdAt();
        String updatedAt = given.updatedAt() == null ? now : given.updatedAt();
        long seq = unit.write(connection -> table.insert(connection, id, createdAt, updatedAt, values, grants));
        unit.wrote(new Write(Write.Kind.CREATE, schema.seq(), id));
        return Models.document(schema, new StoredDocument(seq, id, createdAt, updatedAt, Permissions.toStrings(grants),
                values));
    }

    /**
     * {@code $createdAt} and {@code $updatedAt} given in a document's data. Appwrite lets API keys set them
     * ("timestamp overrides", {@code withPreserveDates}) and strips them for everyone else, so only the root
     * handle's count; {@code null} means "not given".
     */
    private record Timestamps(String createdAt, String updatedAt) {
        static final Timestamps NONE = new Timestamps(null, null);

        static Timestamps of(Access access, Map<String, ?> data) {
            if (!access.isRoot()) {
                return NONE;
            }
            return new Timestamps(datetime(data, "$createdAt"), datetime(data, "$updatedAt"));
        }

        private static String datetime(Map<String, ?> data, String key) {
            Object value = data.get(key);
            if (value == null) {
                return null;
            }
            return (value instanceof String text ? Datetimes.canonical(text) : Optional.<String>empty())
                    .orElseThrow(() -> Errors.invalidStructure("Attribute \"" + key
                            + "\" has invalid format. Value must be valid date."));
        }

        boolean any() {
            return createdAt != null || updatedAt != null;
        }
    }

    /**
     * Writes new values over an existing document. A write that changes nothing needs only read access and
     * keeps {@code $updatedAt}, as in Appwrite.
     */
    private static Document write(UnitOfWork unit, Access access, DocumentTable table, Connection connection,
                                  StoredDocument existing, Map<String, Object> data, boolean merge,
                                  List<Grant> newGrants, Timestamps given) throws SQLException {
        CollectionSchema schema = table.schema();
        Map<String, Object> values;
        Operators operators;
        String now = Clock.now();
        try {
            operators = Operators.in(schema, data);
            Map<String, Object> applied = operators.appliedTo(existing.data(), now);
            Map<String, Object> merged = applied;
            if (merge) {
                merged = new LinkedHashMap<>(existing.data());
                merged.putAll(applied);
            }
            // Numeric operators keep the stored value until H2 computes theirs.
            for (UpdateOperator operator : operators.numeric()) {
                merged.put(operator.attribute(), existing.data().get(operator.attribute()));
            }
            values = schema.validator().validate(merged);
        } catch (QuireException invalid) {
            // Invalid data cannot equal the stored document, so it is a change: like Appwrite, say 401 before 400.
            if (!access.allows(schema, PermissionType.UPDATE, existing)) {
                throw Errors.unauthorized();
            }
            throw invalid;
        }
        List<String> newPermissions = newGrants == null ? existing.permissions() : Permissions.toStrings(newGrants);
        boolean permissionsChanged = !newPermissions.equals(existing.permissions());
        // Any operator is a change, as in Appwrite, even one that leaves the value as it was.
        boolean changed = permissionsChanged || operators.any() || !values.equals(existing.data()) || given.any();
        if (!access.allows(schema, changed ? PermissionType.UPDATE : PermissionType.READ, existing)) {
            throw Errors.unauthorized();
        }
        if (!changed) {
            return Models.document(schema, existing);
        }
        List<Grant> grants = newGrants == null ? Permissions.forDocument(existing.permissions()) : newGrants;
        String createdAt = given.createdAt() == null ? existing.createdAt() : given.createdAt();
        String updatedAt = given.updatedAt() == null ? now : given.updatedAt();
        unit.wrote(new Write(Write.Kind.UPDATE, schema.seq(), existing.id()));
        if (operators.numeric().isEmpty()) {
            table.update(connection, existing, createdAt, updatedAt, values, grants);
            return Models.document(schema, new StoredDocument(existing.seq(), existing.id(), createdAt, updatedAt,
                    newPermissions, values));
        }
        table.updateAll(connection, List.of(existing), given.createdAt(), updatedAt, withoutNumeric(values, operators),
                grants, operators.numeric());
        return Models.document(schema, table.findAll(connection, List.of(existing.seq())).get(0));
    }

    /** Stored values except those numeric operators compute in SQL. */
    static Map<String, Object> withoutNumeric(Map<String, Object> values, Operators operators) {
        if (operators.numeric().isEmpty()) {
            return values;
        }
        Map<String, Object> rest = new LinkedHashMap<>(values);
        operators.numeric().forEach(op -> rest.remove(op.attribute()));
        return rest;
    }

    static QueryPlan plan(List<String> queries, CollectionSchema schema) {
        return QueryPlan.of(queries == null ? List.of() : queries, schema.querySchema());
    }

    /** Document data without the system fields, which are not writable through data and are ignored there. */
    static Map<String, Object> attributesOf(Map<String, ?> data) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (key == null) {
                throw Errors.invalidStructure("Unknown attribute: \"null\"");
            }
            if (!SYSTEM_KEYS.contains(key)) {
                attributes.put(key, value);
            }
        });
        return attributes;
    }

    /** A record or bean as document data. */
    static Map<String, Object> dataOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> data = new LinkedHashMap<>();
            map.forEach((k, v) -> data.put(String.valueOf(k), v));
            return data;
        }
        try {
            return Json.toMap(Errors.require(value, "data"));
        } catch (JacksonException e) {
            throw Errors.invalidStructure("Data of type " + value.getClass().getName() + " is not an object");
        }
    }

    private static StoredDocument project(StoredDocument document, List<String> select) {
        if (select.isEmpty() || select.contains("*")) {
            return document;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        document.data().forEach((key, value) -> {
            if (select.contains(key)) {
                data.put(key, value);
            }
        });
        return new StoredDocument(document.seq(), document.id(), document.createdAt(), document.updatedAt(),
                document.permissions(), data);
    }
}
