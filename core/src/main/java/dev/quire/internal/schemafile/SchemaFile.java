package dev.quire.internal.schemafile;

import dev.quire.QuireException;
import dev.quire.internal.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an Appwrite CLI {@code appwrite.json} declares about databases, read and checked as a whole before
 * anything is applied. Both forms are read: the legacy one ({@code databases}, {@code collections} with
 * {@code documentSecurity}, {@code attributes} and index {@code attributes}) and Appwrite 1.8's
 * ({@code tablesDB}, {@code tables} with {@code rowSecurity}, {@code columns} and index {@code columns}).
 * Everything else in the file (functions, buckets, teams, project settings) is not Quire's and is ignored.
 *
 * <p>Every error names the entry it is about, so a user can find it in a file of hundreds of lines.
 */
public record SchemaFile(List<DatabaseEntry> databases, List<CollectionEntry> collections) {
    /** Duplicate object keys are an error, not "the last one wins": a silently lost attribute is worse. */
    private static final ObjectReader READER = Json.MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> INDEX_TYPES = Set.of("key", "unique", "fulltext");
    /** Types whose size the file sets; the text types have a fixed one. */
    private static final Set<String> SIZED = Set.of("string", "varchar");
    /** Types whose values, bounds and defaults are 64-bit integers. */
    public static final Set<String> INTEGRAL = Set.of("integer", "bigint");

    /** A database entry of {@code databases} or {@code tablesDB}. */
    public record DatabaseEntry(String id, String name, boolean enabled) {
        public String describe() {
            return "database \"" + id + "\"";
        }
    }

    /** A collection (or table) entry. */
    public record CollectionEntry(String databaseId, String id, String name, boolean enabled, boolean documentSecurity,
                                  List<String> permissions, List<AttributeEntry> attributes, List<IndexEntry> indexes) {
        public String describe() {
            return "collection \"" + id + "\" of database \"" + databaseId + "\"";
        }
    }

    /**
     * An attribute (or column) as the file gives it; {@code type} is Appwrite's model type ({@code string},
     * {@code varchar}, {@code text}, {@code mediumtext}, {@code longtext}, {@code integer}, {@code bigint},
     * {@code double}, {@code boolean}, {@code datetime}) and {@code format} its string format.
     */
    public record AttributeEntry(String key, String type, String format, Long size, boolean required, boolean array,
                                 Number min, Number max, Object xdefault, List<String> elements) {
    }

    /** An index entry; {@code attributes} are the indexed keys ({@code columns} in the 1.8 form). */
    public record IndexEntry(String key, String type, List<String> attributes, List<String> orders,
                             List<Integer> lengths) {
    }

    /**
     * Reads and checks a whole file.
     *
     * @param source names the file in error messages
     * @throws QuireException {@code general_argument_invalid} naming the entry at fault
     */
    public static SchemaFile read(InputStream in, String source) {
        JsonNode root;
        try {
            root = READER.readTree(in);
        } catch (JacksonIOException e) {
            throw new QuireException("general_server_error", 500, "Cannot read " + source + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw invalid(source + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw invalid(source + " must hold a JSON object, as appwrite.json does");
        }
        return new Parser(source).parse(root);
    }

    private static QuireException invalid(String message) {
        return new QuireException("general_argument_invalid", 400, message);
    }

    /** One pass over the tree; {@code where} strings name entries the way a reader of the file finds them. */
    private record Parser(String source) {
        SchemaFile parse(JsonNode root) {
            List<DatabaseEntry> databases = new ArrayList<>();
            Set<String> databaseIds = new HashSet<>();
            for (String field : List.of("databases", "tablesDB")) {
                for (JsonNode node : array(root, field, source)) {
                    String where = field + " entry " + (databases.size() + 1);
                    requireObject(node, where);
                    String id = requiredString(node, "$id", where);
                    where = "database \"" + id + "\"";
                    if (!databaseIds.add(id.toLowerCase(Locale.ROOT))) {
                        throw invalid(source + ": " + where + " is declared twice");
                    }
                    databases.add(new DatabaseEntry(id, string(node, "name", id, where), bool(node, "enabled", true, where)));
                }
            }
            List<CollectionEntry> collections = new ArrayList<>();
            Set<String> collectionIds = new HashSet<>();
            readCollections(root, "collections", "documentSecurity", "attributes", collections, collectionIds);
            readCollections(root, "tables", "rowSecurity", "columns", collections, collectionIds);
            return new SchemaFile(List.copyOf(databases), List.copyOf(collections));
        }

        private void readCollections(JsonNode root, String field, String securityField, String attributesField,
                                     List<CollectionEntry> collections, Set<String> seen) {
            int position = 0;
            for (JsonNode node : array(root, field, source)) {
                String where = field + " entry " + ++position;
                requireObject(node, where);
                String id = requiredString(node, "$id", where);
                String databaseId = requiredString(node, "databaseId", where + " (\"" + id + "\")");
                where = (field.equals("tables") ? "table" : "collection") + " \"" + id + "\" of database \""
                        + databaseId + "\"";
                if (!seen.add(databaseId.toLowerCase(Locale.ROOT) + "/" + id.toLowerCase(Locale.ROOT))) {
                    throw invalid(source + ": " + where + " is declared twice");
                }
                List<AttributeEntry> attributes = new ArrayList<>();
                Set<String> keys = new HashSet<>();
                for (JsonNode attribute : array(node, attributesField, where)) {
                    AttributeEntry entry = attribute(attribute, where, singular(attributesField), attributes.size());
                    if (!keys.add(entry.key().toLowerCase(Locale.ROOT))) {
                        throw invalid(source + ": " + where + ": " + singular(attributesField) + " \"" + entry.key()
                                + "\" is declared twice");
                    }
                    attributes.add(entry);
                }
                List<IndexEntry> indexes = new ArrayList<>();
                Set<String> indexKeys = new HashSet<>();
                for (JsonNode index : array(node, "indexes", where)) {
                    IndexEntry entry = index(index, attributesField, where, indexes.size());
                    if (!indexKeys.add(entry.key().toLowerCase(Locale.ROOT))) {
                        throw invalid(source + ": " + where + ": index \"" + entry.key() + "\" is declared twice");
                    }
                    indexes.add(entry);
                }
                collections.add(new CollectionEntry(databaseId, id, string(node, "name", id, where),
                        bool(node, "enabled", true, where), bool(node, securityField, false, where),
                        strings(node, "$permissions", where), List.copyOf(attributes), List.copyOf(indexes)));
            }
        }

        /** @param kind {@code attribute} or {@code column}, as the file calls them */
        private AttributeEntry attribute(JsonNode node, String owner, String kind, int position) {
            String where = owner + ", " + kind + " " + (position + 1);
            requireObject(node, where);
            String key = requiredString(node, "key", where);
            where = owner + ": " + kind + " \"" + key + "\"";
            String type = requiredString(node, "type", where);
            if (bool(node, "encrypt", false, where)) {
                throw invalid(source + ": " + where + ": encrypted " + kind + "s are not supported by Quire");
            }
            String format = string(node, "format", null, where);
            if (format != null && format.isEmpty()) {
                format = null;
            }
            switch (type) {
                case "string" -> {
                    if (format != null && !Set.of("email", "url", "ip", "enum").contains(format)) {
                        throw invalid(source + ": " + where + ": unknown string format \"" + format + "\"");
                    }
                    if (format == null && !node.hasNonNull("size")) {
                        throw invalid(source + ": " + where + ": a string " + kind + " needs a size");
                    }
                    if ("enum".equals(format) && !node.hasNonNull("elements")) {
                        throw invalid(source + ": " + where + ": an enum " + kind + " needs elements");
                    }
                }
                case "varchar" -> {
                    if (!node.hasNonNull("size")) {
                        throw invalid(source + ": " + where + ": a varchar " + kind + " needs a size");
                    }
                    format = null;
                }
                case "integer", "bigint", "double", "float", "boolean", "datetime", "text", "mediumtext",
                     "longtext" -> format = null;
                case "relationship", "point", "linestring", "line", "polygon" -> throw invalid(source + ": " + where
                        + ": the " + kind + " type \"" + type + "\" is not supported by Quire");
                default -> throw invalid(source + ": " + where + ": unknown " + kind + " type \"" + type + "\"");
            }
            if (type.equals("float")) {
                type = "double";     // the create endpoint's name for the model type "double"
            }
            Long size = SIZED.contains(type) && node.hasNonNull("size") ? integer(node, "size", where) : null;
            Number min = number(node, "min", type, where);
            Number max = number(node, "max", type, where);
            Object xdefault = defaultValue(node, type, where);
            List<String> elements = node.hasNonNull("elements") ? strings(node, "elements", where) : null;
            return new AttributeEntry(key, type, format, size, bool(node, "required", false, where),
                    bool(node, "array", false, where), min, max, xdefault, elements);
        }

        private IndexEntry index(JsonNode node, String attributesField, String owner, int position) {
            String where = owner + ", index " + (position + 1);
            requireObject(node, where);
            String key = requiredString(node, "key", where);
            where = owner + ": index \"" + key + "\"";
            String type = requiredString(node, "type", where);
            if (!INDEX_TYPES.contains(type)) {
                throw invalid(source + ": " + where + ": " + (type.equals("spatial") ? "the index type \"spatial\" is not supported by Quire"
                        : "unknown index type \"" + type + "\""));
            }
            String field = node.has(attributesField) ? attributesField : node.has("attributes") ? "attributes" : "columns";
            List<String> attributes = strings(node, field, where);
            if (attributes.isEmpty()) {
                throw invalid(source + ": " + where + ": \"" + attributesField + "\" must name at least one " + singular(attributesField));
            }
            List<String> orders = new ArrayList<>();
            for (JsonNode order : array(node, "orders", where)) {
                // The CLI writes null for an attribute indexed without an order.
                orders.add(order.isNull() ? null : order.asString());
            }
            List<Integer> lengths = new ArrayList<>();
            for (JsonNode length : array(node, "lengths", where)) {
                if (!length.isNull() && !length.isIntegralNumber()) {
                    throw invalid(source + ": " + where + ": \"lengths\" must hold integers");
                }
                lengths.add(length.isNull() ? null : length.intValue());
            }
            return new IndexEntry(key, type, attributes, orders, lengths);
        }

        private Object defaultValue(JsonNode node, String type, String where) {
            JsonNode value = node.get("default");
            if (value == null || value.isNull()) {
                return null;
            }
            boolean ok = switch (type) {
                case "integer", "bigint" -> value.isIntegralNumber() && value.canConvertToLong();
                case "double" -> value.isNumber();
                case "boolean" -> value.isBoolean();
                default -> value.isString();
            };
            if (!ok) {
                throw invalid(source + ": " + where + ": \"default\" must be " + switch (type) {
                    case "integer", "bigint" -> "a 64-bit integer";
                    case "double" -> "a number";
                    case "boolean" -> "true or false";
                    default -> "a string";
                });
            }
            return switch (type) {
                case "integer", "bigint" -> value.longValue();
                case "double" -> value.doubleValue();
                case "boolean" -> value.booleanValue();
                default -> value.stringValue();
            };
        }

        private Number number(JsonNode node, String field, String type, String where) {
            JsonNode value = node.get(field);
            boolean integral = INTEGRAL.contains(type);
            if (value == null || value.isNull() || !(integral || type.equals("double"))) {
                return null;
            }
            if (integral ? !value.isIntegralNumber() || !value.canConvertToLong() : !value.isNumber()) {
                throw invalid(source + ": " + where + ": \"" + field + "\" must be " + (integral
                        ? "a 64-bit integer" : "a number"));
            }
            return integral ? (Number) value.longValue() : (Number) value.doubleValue();
        }

        private Long integer(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw invalid(source + ": " + where + ": \"" + field + "\" must be an integer");
            }
            return value.longValue();
        }

        private Iterable<JsonNode> array(JsonNode parent, String field, String where) {
            JsonNode value = parent.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                throw invalid(source + ": " + where + ": \"" + field + "\" must be an array");
            }
            return value;
        }

        private List<String> strings(JsonNode parent, String field, String where) {
            List<String> values = new ArrayList<>();
            for (JsonNode value : array(parent, field, where)) {
                if (!value.isString()) {
                    throw invalid(source + ": " + where + ": \"" + field + "\" must hold strings");
                }
                values.add(value.stringValue());
            }
            return List.copyOf(values);
        }

        private String requiredString(JsonNode node, String field, String where) {
            String value = string(node, field, null, where);
            if (value == null || value.isEmpty()) {
                throw invalid(source + ": " + where + " has no \"" + field + "\"");
            }
            return value;
        }

        private String string(JsonNode node, String field, String fallback, String where) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isString()) {
                throw invalid(source + ": " + where + ": \"" + field + "\" must be a string");
            }
            return value.stringValue();
        }

        private boolean bool(JsonNode node, String field, boolean fallback, String where) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw invalid(source + ": " + where + ": \"" + field + "\" must be true or false");
            }
            return value.booleanValue();
        }

        private void requireObject(JsonNode node, String where) {
            if (!node.isObject()) {
                throw invalid(source + ": " + where + " must be a JSON object");
            }
        }

        private static String singular(String field) {
            return field.equals("columns") ? "column" : "attribute";
        }
    }

    /**
     * The file as the Appwrite CLI writes it.
     *
     * @param tables Appwrite 1.8's form ({@code tablesDB}, {@code tables}, {@code columns}) instead of the legacy one
     */
    public Map<String, Object> toJson(boolean tables) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> databaseList = new ArrayList<>();
        for (DatabaseEntry database : databases) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("$id", database.id());
            entry.put("name", database.name());
            entry.put("enabled", database.enabled());
            databaseList.add(entry);
        }
        root.put(tables ? "tablesDB" : "databases", databaseList);
        List<Object> collectionList = new ArrayList<>();
        for (CollectionEntry collection : collections) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("$id", collection.id());
            entry.put("$permissions", collection.permissions());
            entry.put("databaseId", collection.databaseId());
            entry.put("name", collection.name());
            entry.put("enabled", collection.enabled());
            entry.put(tables ? "rowSecurity" : "documentSecurity", collection.documentSecurity());
            entry.put(tables ? "columns" : "attributes", collection.attributes().stream().map(SchemaFile::toJson).toList());
            entry.put("indexes", collection.indexes().stream().map(index -> toJson(index, tables)).toList());
            collectionList.add(entry);
        }
        root.put(tables ? "tables" : "collections", collectionList);
        return root;
    }

    private static Map<String, Object> toJson(AttributeEntry attribute) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("key", attribute.key());
        entry.put("type", attribute.type());
        entry.put("required", attribute.required());
        entry.put("array", attribute.array());
        if (attribute.format() != null) {
            entry.put("format", attribute.format());
        }
        if (attribute.elements() != null) {
            entry.put("elements", attribute.elements());
        }
        if (attribute.size() != null) {
            entry.put("size", attribute.size());
        }
        if (attribute.min() != null) {
            entry.put("min", attribute.min());
        }
        if (attribute.max() != null) {
            entry.put("max", attribute.max());
        }
        entry.put("default", attribute.xdefault());
        return entry;
    }

    private static Map<String, Object> toJson(IndexEntry index, boolean tables) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("key", index.key());
        entry.put("type", index.type());
        entry.put(tables ? "columns" : "attributes", index.attributes());
        entry.put("orders", index.orders());
        entry.put("lengths", index.lengths());
        return entry;
    }
}
