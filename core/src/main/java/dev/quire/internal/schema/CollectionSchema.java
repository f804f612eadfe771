package dev.quire.internal.schema;

import dev.quire.IndexType;
import dev.quire.permissions.Grant;
import dev.quire.query.Field;
import dev.quire.query.QuerySchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a collection's definition, with what is derived from it: the document validator and the
 * query schema. Immutable; a schema change makes a new instance, so everything derived here is built once
 * per version and never per call.
 */
public final class CollectionSchema {
    private final long seq;
    private final DatabaseDef database;
    private final String id;
    private final String name;
    private final boolean enabled;
    private final boolean documentSecurity;
    private final List<Grant> permissions;
    private final List<AttributeDef> attributes;
    private final List<IndexDef> indexes;
    private final String createdAt;
    private final String updatedAt;

    private final Map<String, AttributeDef> byKey = new LinkedHashMap<>();
    /** Compiled on first use: a collection that is being defined attribute by attribute never needs one. */
    private volatile DocumentValidator validator;
    private final QuerySchema querySchema;

    public CollectionSchema(long seq, DatabaseDef database, String id, String name, boolean enabled,
                            boolean documentSecurity, List<Grant> permissions, List<AttributeDef> attributes,
                            List<IndexDef> indexes, String createdAt, String updatedAt) {
        this.seq = seq;
        this.database = database;
        this.id = id;
        this.name = name;
        this.enabled = enabled;
        this.documentSecurity = documentSecurity;
        this.permissions = List.copyOf(permissions);
        this.attributes = List.copyOf(attributes);
        this.indexes = List.copyOf(indexes);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        List<Field> fields = new ArrayList<>();
        for (AttributeDef attribute : attributes) {
            byKey.put(attribute.key(), attribute);
            fields.add(attribute.field());
        }
        Set<String> fulltext = new HashSet<>();
        for (IndexDef index : indexes) {
            if (index.type() == IndexType.FULLTEXT && index.attributes().size() == 1) {
                fulltext.add(index.attributes().get(0));
            }
        }
        this.querySchema = QuerySchema.forDocuments(fields, fulltext);
    }

    public long seq() {
        return seq;
    }

    public DatabaseDef database() {
        return database;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean documentSecurity() {
        return documentSecurity;
    }

    public List<Grant> permissions() {
        return permissions;
    }

    public List<AttributeDef> attributes() {
        return attributes;
    }

    public List<IndexDef> indexes() {
        return indexes;
    }

    public String createdAt() {
        return createdAt;
    }

    public String updatedAt() {
        return updatedAt;
    }

    public Optional<AttributeDef> attribute(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public DocumentValidator validator() {
        DocumentValidator compiled = validator;
        if (compiled == null) {
            // Two threads may both compile it; either result is the same and the race is harmless.
            compiled = new DocumentValidator(attributes);
            validator = compiled;
        }
        return compiled;
    }

    public QuerySchema querySchema() {
        return querySchema;
    }

    /** The same collection with other attributes and indexes: a new version, with its own validator. */
    public CollectionSchema withStructure(List<AttributeDef> newAttributes, List<IndexDef> newIndexes, String newUpdatedAt) {
        return new CollectionSchema(seq, database, id, name, enabled, documentSecurity, permissions, newAttributes,
                newIndexes, createdAt, newUpdatedAt);
    }
}
