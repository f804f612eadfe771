package dev.quire;

import dev.quire.internal.Access;
import dev.quire.internal.Clock;
import dev.quire.internal.Errors;
import dev.quire.internal.schema.AttributeChanges;
import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.AttributeFormat;
import dev.quire.internal.schema.AttributeRules;
import dev.quire.internal.schema.AttributeType;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.schema.IndexDef;
import dev.quire.internal.schema.IndexRules;
import dev.quire.internal.schema.Keys;
import dev.quire.internal.storage.MetadataStore;
import dev.quire.internal.storage.Rows;
import dev.quire.internal.storage.UnitOfWork;
import dev.quire.query.Field;
import dev.quire.query.FieldType;
import dev.quire.query.QueryPlan;
import dev.quire.query.QuerySchema;

import java.util.List;

/** Attributes and indexes: a collection's schema, changed under its write lock. */
final class SchemaService {
    private static final QuerySchema ATTRIBUTE_FIELDS = QuerySchema.of(List.of(
            new Field("key", FieldType.STRING, false), new Field("type", FieldType.STRING, false),
            new Field("size", FieldType.INTEGER, false), new Field("required", FieldType.BOOLEAN, false),
            new Field("array", FieldType.BOOLEAN, false), new Field("status", FieldType.STRING, false),
            new Field("error", FieldType.STRING, false)));
    private static final QuerySchema INDEX_FIELDS = QuerySchema.of(List.of(
            new Field("key", FieldType.STRING, false), new Field("type", FieldType.STRING, false),
            new Field("status", FieldType.STRING, false), new Field("attributes", FieldType.STRING, true),
            new Field("error", FieldType.STRING, false)));

    private final Catalog catalog;
    private final MetadataStore metadata;

    SchemaService(Catalog catalog) {
        this.catalog = catalog;
        this.metadata = catalog.metadata();
    }

    // ---- attributes -------------------------------------------------------------------------------------

    Attribute createAttribute(UnitOfWork unit, Access access, String databaseId, String collectionId,
                              AttributeDef attribute) {
        access.requireRoot("attributes.write");
        return catalog.change(unit, access, databaseId, collectionId, schema -> {
            AttributeRules.check(attribute, schema.attributes());
            metadata.createAttribute(schema.seq(), attribute);
            return Models.attribute(attribute);
        });
    }

    Attribute getAttribute(Access access, String databaseId, String collectionId, String key) {
        access.requireRoot("attributes.read");
        return catalog.table(access, databaseId, collectionId).schema().attribute(key).map(Models::attribute)
                .orElseThrow(Errors::attributeNotFound);
    }

    AttributeList listAttributes(Access access, String databaseId, String collectionId, List<String> queries,
                                 boolean total) {
        access.requireRoot("attributes.read");
        CollectionSchema schema = catalog.table(access, databaseId, collectionId).schema();
        QueryPlan plan = QueryPlan.of(queries == null ? List.of() : queries, ATTRIBUTE_FIELDS);
        Rows<AttributeDef> rows = metadata.listAttributes(schema.seq(), plan, ATTRIBUTE_FIELDS.fields(), total);
        return new AttributeList(rows.total(), rows.items().stream().map(Models::attribute).toList());
    }

    /**
     * Deletes an attribute; indexes that use it lose it, and go when left empty or identical to another, as
     * Appwrite's worker does it.
     */
    void deleteAttribute(UnitOfWork unit, Access access, String databaseId, String collectionId, String key) {
        access.requireRoot("attributes.write");
        catalog.change(unit, access, databaseId, collectionId, schema -> {
            schema.attribute(key).orElseThrow(Errors::attributeNotFound);
            AttributeChanges.Removal removal = AttributeChanges.Removal.of(schema.indexes(), key,
                    index -> metadata.indexName(schema.seq(), index.key()) + "_" + index.attributes().size(),
                    Clock.now());
            metadata.deleteAttribute(schema.seq(), key, removal.removed(), removal.changed(), schema.indexes());
            return null;
        });
    }

    /**
     * Changes an attribute of a collection that may hold documents. Existing values are kept as they are,
     * except that a string size below a stored value is refused; new writes follow the new definition. A new
     * key renames the column and the indexes' references to it.
     */
    Attribute updateAttribute(UnitOfWork unit, Access access, String databaseId, String collectionId, String key,
                              AttributeType type, AttributeFormat format, boolean required, Object xdefault,
                              Number min, Number max, Long size, List<String> elements, String newKey) {
        access.requireRoot("attributes.write");
        return catalog.change(unit, access, databaseId, collectionId, schema -> {
            AttributeDef old = schema.attribute(Errors.require(key, "key"))
                    .orElseThrow(Errors::attributeNotFound);
            String now = Clock.now();
            AttributeDef updated = AttributeChanges.updated(schema, old, type, format, required, xdefault, min, max,
                    size, elements, newKey, now);
            if (updated.size() != null && old.size() != null && updated.size() < old.size()
                    && metadata.anyLongerThan(schema.seq(), old, updated.size())) {
                throw Errors.attributeInvalidResize();
            }
            metadata.updateAttribute(schema.seq(), old, updated,
                    AttributeChanges.renamed(schema.indexes(), old.key(), updated.key(), now));
            return Models.attribute(updated);
        });
    }

    // ---- indexes ----------------------------------------------------------------------------------------

    Index createIndex(UnitOfWork unit, Access access, String databaseId, String collectionId, String key,
                      IndexType type, List<String> attributes, List<String> orders, List<Integer> lengths) {
        access.requireRoot("indexes.write");
        Errors.require(type, "type");
        Keys.check("key", key);
        return catalog.change(unit, access, databaseId, collectionId, schema -> {
            String sqlName = type == IndexType.FULLTEXT ? metadata.fullTextTableName(schema.seq(), key)
                    : metadata.indexName(schema.seq(), key);
            IndexDef index = IndexRules.check(schema, key, type, attributes, orders, lengths, sqlName, Clock.now());
            metadata.createIndex(schema.seq(), index);
            return Models.index(index);
        });
    }

    Index getIndex(Access access, String databaseId, String collectionId, String key) {
        access.requireRoot("indexes.read");
        return Models.index(index(catalog.table(access, databaseId, collectionId).schema(), key));
    }

    IndexList listIndexes(Access access, String databaseId, String collectionId, List<String> queries,
                          boolean total) {
        access.requireRoot("indexes.read");
        CollectionSchema schema = catalog.table(access, databaseId, collectionId).schema();
        QueryPlan plan = QueryPlan.of(queries == null ? List.of() : queries, INDEX_FIELDS);
        Rows<IndexDef> rows = metadata.listIndexes(schema.seq(), plan, INDEX_FIELDS.fields(), total);
        return new IndexList(rows.total(), rows.items().stream().map(Models::index).toList());
    }

    void deleteIndex(UnitOfWork unit, Access access, String databaseId, String collectionId, String key) {
        access.requireRoot("indexes.write");
        catalog.change(unit, access, databaseId, collectionId, schema -> {
            metadata.deleteIndex(schema.seq(), index(schema, key));
            return null;
        });
    }

    /** An index by its exact key, as Appwrite finds it. */
    private static IndexDef index(CollectionSchema schema, String key) {
        Errors.require(key, "key");
        return schema.indexes().stream().filter(index -> index.key().equals(key)).findFirst()
                .orElseThrow(Errors::indexNotFound);
    }
}
