package dev.quire.internal.schema;

import dev.quire.IndexType;
import dev.quire.internal.Errors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Appwrite's rules for defining an index (its databases controller plus utopia-php/database's index
 * validator, with the limits of its default MariaDB engine), checked in Appwrite's order so that the first
 * failure reported is the one Appwrite reports.
 */
public final class IndexRules {
    /** MariaDB's 64 indexes less the 6 that every Appwrite table has. */
    public static final int MAX_INDEXES = 58;
    /** MariaDB's index key length as Appwrite counts it, in characters. */
    static final int MAX_INDEX_LENGTH = 768;
    static final int MAX_ARRAY_PARAMS = 100;
    private static final List<String> RESERVED_KEYS = List.of("primary", "_created_at", "_updated_at", "_tenant_id");

    private IndexRules() {
    }

    /**
     * The system attributes an index may name, as Appwrite's controller describes them: {@code $id} is a
     * 255-character string, the timestamps are datetimes.
     */
    static AttributeDef systemAttribute(String key) {
        return switch (key) {
            case "$id" -> new AttributeDef("$id", AttributeType.STRING, null, true, false, 255L, null, null, null,
                    null, "", "");
            case "$createdAt", "$updatedAt" -> new AttributeDef(key, AttributeType.DATETIME, null, false, false, null,
                    null, null, null, null, "", "");
            default -> null;
        };
    }

    /**
     * Checks a new index against the collection it joins and returns it completed as Appwrite stores it:
     * one length per attribute, 0 where none was given.
     *
     * @param type    {@code key}, {@code unique} or {@code fulltext}
     * @param orders  {@code ASC}/{@code DESC} per attribute, possibly fewer than the attributes; may be {@code null}
     * @param lengths prefix lengths, possibly fewer than the attributes; {@code null} entries and 0 mean none
     */
    public static IndexDef check(CollectionSchema schema, String key, IndexType type, List<String> attributes,
                                 List<String> orders, List<Integer> lengths, String sqlName, String now) {
        Keys.check("key", key);
        if (attributes == null || attributes.size() > MAX_ARRAY_PARAMS) {
            throw Errors.invalidParam("attributes", "Value must a valid array no longer than " + MAX_ARRAY_PARAMS
                    + " items and Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, "
                    + "hyphen, and underscore. Can't start with a special char");
        }
        for (String attribute : attributes) {
            if (attribute == null || !(Keys.isValid(attribute) || systemAttribute(attribute) != null)) {
                throw Errors.invalidParam("attributes", "Value must a valid array no longer than " + MAX_ARRAY_PARAMS
                        + " items and Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, "
                        + "hyphen, and underscore. Can't start with a special char");
            }
        }
        List<String> givenOrders = orders == null ? List.of() : orders;
        if (givenOrders.size() > MAX_ARRAY_PARAMS || givenOrders.stream().anyMatch(o -> o == null
                || !(o.equalsIgnoreCase("ASC") || o.equalsIgnoreCase("DESC")))) {
            throw Errors.invalidParam("orders", "Value must a valid array no longer than " + MAX_ARRAY_PARAMS
                    + " items and Value must be one of (ASC, DESC)");
        }
        List<Integer> givenLengths = lengths == null ? List.of() : lengths;
        if (givenLengths.size() > MAX_ARRAY_PARAMS) {
            throw Errors.invalidParam("lengths", "Value must a valid array no longer than " + MAX_ARRAY_PARAMS
                    + " items and Value must be a valid integer");
        }
        if (schema.indexes().size() >= MAX_INDEXES) {
            throw Errors.indexLimitExceeded();
        }
        List<AttributeDef> resolved = new ArrayList<>();
        for (String name : attributes) {
            AttributeDef attribute = resolve(schema, name);
            if (attribute == null) {
                throw Errors.attributeUnknown(name);
            }
            if (attribute.array()) {
                throw Errors.indexInvalid("Creating indexes on array attributes is not currently supported.");
            }
            resolved.add(attribute);
        }
        List<Integer> stored = new ArrayList<>();
        for (int i = 0; i < Math.max(attributes.size(), givenLengths.size()); i++) {
            Integer length = i < givenLengths.size() ? givenLengths.get(i) : null;
            stored.add(length == null ? 0 : length);
        }
        IndexDef index = new IndexDef(key, type, attributes, givenOrders, stored, sqlName, now, now);
        validate(index, resolved, schema.indexes());
        return index;
    }

    /**
     * The checks an index must pass against attribute definitions, also run again when an attribute it uses
     * changes size.
     */
    public static void checkLengths(IndexDef index, List<AttributeDef> attributes) {
        if (index.type() == IndexType.FULLTEXT) {
            return;
        }
        if (index.lengths().size() > index.attributes().size()) {
            throw Errors.indexInvalid("Invalid index lengths. Count of lengths must be equal or less than the number of attributes.");
        }
        long total = 0;
        for (int i = 0; i < attributes.size(); i++) {
            AttributeDef attribute = attributes.get(i);
            long size;
            long length;
            switch (attribute.type()) {
                case STRING, VARCHAR, TEXT, MEDIUMTEXT, LONGTEXT -> {
                    size = attribute.size() == null ? 0 : attribute.size();
                    int given = i < index.lengths().size() ? index.lengths().get(i) : 0;
                    length = given != 0 ? given : size;
                }
                case FLOAT -> {
                    size = 2;
                    length = 2;
                }
                default -> {
                    size = 1;
                    length = 1;
                }
            }
            if (length < 0) {
                throw Errors.indexInvalid("Negative index length provided for " + index.attributes().get(i));
            }
            if (length > size) {
                throw Errors.indexInvalid("Index length " + length + " is larger than the size for "
                        + index.attributes().get(i) + ": " + size + "\"");
            }
            total += length;
        }
        if (total > MAX_INDEX_LENGTH) {
            throw Errors.indexInvalid("Index length is longer than the maximum: " + MAX_INDEX_LENGTH);
        }
    }

    private static void validate(IndexDef index, List<AttributeDef> attributes, List<IndexDef> existing) {
        if (index.attributes().isEmpty()) {
            throw Errors.indexInvalid("No attributes provided for index");
        }
        Set<String> seen = new HashSet<>();
        for (String attribute : index.attributes()) {
            if (!seen.add(attribute.toLowerCase(Locale.ROOT))) {
                throw Errors.indexInvalid("Duplicate attributes provided");
            }
        }
        if (index.type() == IndexType.FULLTEXT) {
            for (AttributeDef attribute : attributes) {
                if (!attribute.type().isText()) {
                    throw Errors.indexInvalid("Attribute \"" + attribute.key()
                            + "\" cannot be part of a fulltext index, must be of type string");
                }
            }
        }
        for (int i = 0; i < attributes.size(); i++) {
            AttributeDef attribute = attributes.get(i);
            int length = i < index.lengths().size() ? index.lengths().get(i) : 0;
            if (!attribute.type().isText() && length != 0) {
                throw Errors.indexInvalid("Cannot set a length on \"" + attribute.type().appwriteName() + "\" attributes");
            }
        }
        checkLengths(index, attributes);
        for (String reserved : RESERVED_KEYS) {
            if (reserved.equalsIgnoreCase(index.key())) {
                throw Errors.indexInvalid("Index key name is reserved");
            }
        }
        for (IndexDef other : existing) {
            if (identical(index, other)) {
                throw Errors.indexInvalid("There is already an index with the same attributes and orders");
            }
        }
    }

    /**
     * Whether two indexes are the same as Appwrite judges it: a key or unique index on the same attributes
     * in the same orders (compared as sets, as PHP's {@code array_diff} does). A fulltext index may sit
     * beside a key index on the same attribute.
     */
    public static boolean identical(IndexDef a, IndexDef b) {
        return isRegular(a) && isRegular(b) && sameElements(a.attributes(), b.attributes())
                && sameElements(a.orders(), b.orders());
    }

    private static boolean isRegular(IndexDef index) {
        return index.type() != IndexType.FULLTEXT;
    }

    private static boolean sameElements(List<String> a, List<String> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }

    /** An attribute of the collection, or one of the system attributes an index may name; {@code null} if neither. */
    public static AttributeDef resolve(CollectionSchema schema, String name) {
        AttributeDef system = systemAttribute(name);
        return system != null ? system : schema.attribute(name).orElse(null);
    }
}
