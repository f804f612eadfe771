package dev.quire.internal.schema;

/** One database as stored in the metadata tables. */
public record DatabaseDef(long seq, String id, String name, boolean enabled, String createdAt, String updatedAt) {
}
