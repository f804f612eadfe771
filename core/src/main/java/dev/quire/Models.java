package dev.quire;

import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.AttributeType;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.schema.DatabaseDef;
import dev.quire.internal.schema.IndexDef;
import dev.quire.internal.storage.StoredDocument;
import dev.quire.permissions.Permissions;

/** The one mapping from what the store holds to the public response models. */
final class Models {
    private Models() {
    }

    static Database database(DatabaseDef database) {
        return new Database(database.id(), database.name(), database.createdAt(), database.updatedAt(),
                database.enabled());
    }

    static Collection collection(CollectionSchema schema) {
        return new Collection(schema.id(), schema.database().id(), schema.name(), schema.enabled(),
                schema.documentSecurity(), Permissions.toStrings(schema.permissions()),
                schema.attributes().stream().map(Models::attribute).toList(),
                schema.indexes().stream().map(Models::index).toList(), schema.createdAt(), schema.updatedAt());
    }

    static Attribute attribute(AttributeDef attribute) {
        String format = attribute.format() != null ? attribute.format().appwriteName()
                : attribute.type() == AttributeType.DATETIME ? "datetime" : null;
        // Appwrite's text, mediumtext and longtext models have no size: theirs is fixed.
        boolean sized = attribute.type() == AttributeType.STRING || attribute.type() == AttributeType.VARCHAR;
        Long size = sized && attribute.format() == null ? attribute.size() : null;
        return new Attribute(attribute.key(), attribute.type().appwriteName(), format, attribute.required(),
                attribute.array(), size, attribute.min(), attribute.max(), attribute.xdefault(), attribute.elements(),
                attribute.createdAt(), attribute.updatedAt());
    }

    static Index index(IndexDef index) {
        return new Index(index.key(), index.type().value(), index.attributes(), index.orders(), index.lengths(),
                index.createdAt(), index.updatedAt());
    }

    static Document document(CollectionSchema schema, StoredDocument document) {
        return new Document(document.id(), document.seq(), schema.id(), schema.database().id(),
                document.createdAt(), document.updatedAt(), document.permissions(), document.data());
    }
}
