package dev.quire.internal.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.quire.internal.Errors;
import dev.quire.internal.Json;
import dev.quire.query.internal.Datetimes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A collection's attribute definitions compiled into one JSON Schema (draft 2020-12, checked by networknt's
 * validator), plus the conversion of accepted values into their stored Java types.
 *
 * <p>Built once per schema version and cached with it; never per write. The schema does the checking; this
 * class only translates the first failure into Appwrite's wording, choosing it in Appwrite's order: missing
 * required attributes first, then unknown attributes, then invalid values.
 */
public final class DocumentValidator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build()));

    /** H2's limit on the items of one ARRAY value. */
    static final int MAX_ARRAY_ITEMS = 65_536;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,19}");

    private final List<AttributeDef> attributes;
    private final Map<String, AttributeDef> byKey;
    private final Schema schema;
    /** The same checks without required attributes, for updates that name only some attributes; built on first use. */
    private volatile Schema partialSchema;
    private final ObjectNode partialRoot;

    public DocumentValidator(List<AttributeDef> attributes) {
        this.attributes = List.copyOf(attributes);
        this.byKey = new LinkedHashMap<>();
        ObjectNode properties = NODES.objectNode();
        ArrayNode required = NODES.arrayNode();
        for (AttributeDef attribute : attributes) {
            byKey.put(attribute.key(), attribute);
            properties.set(attribute.key(), propertySchema(attribute));
            if (attribute.required()) {
                required.add(attribute.key());
            }
        }
        ObjectNode root = NODES.objectNode();
        root.put("type", "object");
        root.set("properties", properties);
        root.set("required", required);
        root.put("additionalProperties", false);
        this.schema = REGISTRY.getSchema(root);
        this.partialRoot = root.deepCopy();
        this.partialRoot.remove("required");
    }

    /** @return the JSON Schema this validator checks against, for inspection and tests */
    public JsonNode jsonSchema() {
        return schema.getSchemaNode();
    }

    /**
     * Checks a document's attributes (a whole document: for partial updates the caller merges first) and
     * returns every attribute's stored value in attribute order, with defaults applied to missing and null
     * values.
     *
     * @throws dev.quire.QuireException {@code document_invalid_structure} with Appwrite's message
     */
    public Map<String, Object> validate(Map<String, ?> data) {
        ObjectNode document = NODES.objectNode();
        for (Map.Entry<String, ?> entry : data.entrySet()) {
            Object value = entry.getValue();
            AttributeDef attribute = byKey.get(entry.getKey());
            if (value == null && attribute != null && attribute.xdefault() != null) {
                continue; // null takes the default, as in Appwrite
            }
            boolean integer = attribute != null && attribute.type().base() == AttributeType.INTEGER;
            if (attribute != null && attribute.type() == AttributeType.BIGINT) {
                value = numericStrings(value);
            }
            document.set(entry.getKey(), toNode(value, integer, false));
        }
        for (AttributeDef attribute : attributes) {
            if (!document.has(attribute.key()) && attribute.xdefault() != null) {
                document.set(attribute.key(), toNode(attribute.xdefault(), false, false));
            }
        }
        List<Error> errors = schema.validate(document);
        if (!errors.isEmpty()) {
            throw Errors.invalidStructure(describe(errors, document, true));
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        for (AttributeDef attribute : attributes) {
            JsonNode node = document.get(attribute.key());
            stored.put(attribute.key(), node == null || node.isNull() ? null : storedValue(attribute, node));
        }
        return stored;
    }

    /**
     * Checks some attributes of a document, as an update that names only them writes them over every document
     * it matches: each given value must fit its attribute (a required attribute may not be set to null), the
     * others are not looked at. Nulls stay null (Appwrite applies no defaults to such updates).
     *
     * @return the given attributes' stored values, in attribute order
     * @throws dev.quire.QuireException {@code document_invalid_structure} with Appwrite's message
     */
    public Map<String, Object> validatePartial(Map<String, ?> data) {
        ObjectNode document = NODES.objectNode();
        for (Map.Entry<String, ?> entry : data.entrySet()) {
            AttributeDef attribute = byKey.get(entry.getKey());
            if (attribute != null && attribute.required() && entry.getValue() == null) {
                throw Errors.invalidStructure("Missing required attribute \"" + attribute.key() + "\"");
            }
            boolean integer = attribute != null && attribute.type().base() == AttributeType.INTEGER;
            Object value = attribute != null && attribute.type() == AttributeType.BIGINT
                    ? numericStrings(entry.getValue()) : entry.getValue();
            document.set(entry.getKey(), toNode(value, integer, false));
        }
        Schema partial = partialSchema;
        if (partial == null) {
            partial = REGISTRY.getSchema(partialRoot);
            partialSchema = partial;
        }
        List<Error> errors = partial.validate(document);
        if (!errors.isEmpty()) {
            throw Errors.invalidStructure(describe(errors, document, false));
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        for (AttributeDef attribute : attributes) {
            if (document.has(attribute.key())) {
                JsonNode node = document.get(attribute.key());
                stored.put(attribute.key(), node.isNull() ? null : storedValue(attribute, node));
            }
        }
        return stored;
    }

    private static ObjectNode propertySchema(AttributeDef attribute) {
        ObjectNode value = valueSchema(attribute);
        if (!attribute.array()) {
            if (!attribute.required()) {
                allowNull(value);
            }
            return value;
        }
        ObjectNode array = NODES.objectNode();
        if (attribute.required()) {
            array.put("type", "array");
        } else {
            array.set("type", NODES.arrayNode().add("array").add("null"));
        }
        array.set("items", value);
        array.put("maxItems", MAX_ARRAY_ITEMS);
        return array;
    }

    private static ObjectNode valueSchema(AttributeDef attribute) {
        ObjectNode node = NODES.objectNode();
        switch (attribute.type()) {
            case STRING, VARCHAR, TEXT, MEDIUMTEXT, LONGTEXT -> {
                node.put("type", "string");
                if (attribute.size() != null && attribute.size() <= Integer.MAX_VALUE) {
                    node.put("maxLength", attribute.size().intValue());
                }
                if (attribute.format() != null) {
                    switch (attribute.format()) {
                        case EMAIL -> node.put("format", "email");
                        case URL -> node.put("format", "uri");
                        case IP -> node.set("anyOf", NODES.arrayNode()
                                .add(NODES.objectNode().put("format", "ipv4"))
                                .add(NODES.objectNode().put("format", "ipv6")));
                        case ENUM -> {
                            ArrayNode elements = node.putArray("enum");
                            attribute.elements().forEach(elements::add);
                        }
                    }
                }
            }
            case INTEGER, BIGINT -> {
                node.put("type", "integer");
                putBound(node, "minimum", attribute.min());
                putBound(node, "maximum", attribute.max());
            }
            case FLOAT -> {
                node.put("type", "number");
                putBound(node, "minimum", attribute.min());
                putBound(node, "maximum", attribute.max());
            }
            case BOOLEAN -> node.put("type", "boolean");
            // Parsed and canonicalised after the schema check: Appwrite accepts more than RFC 3339.
            case DATETIME -> node.put("type", "string");
        }
        return node;
    }

    private static void putBound(ObjectNode node, String keyword, Number bound) {
        if (bound instanceof Long l) {
            node.put(keyword, l);
        } else if (bound != null) {
            node.put(keyword, bound.doubleValue());
        }
    }

    private static void allowNull(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (schema.has("enum")) {
            ((ArrayNode) schema.get("enum")).addNull();
        }
        if (schema.has("anyOf")) {
            ((ArrayNode) schema.get("anyOf")).add(NODES.objectNode().put("type", "null"));
        }
        schema.set("type", NODES.arrayNode().add(type.asString()).add("null"));
    }

    /**
     * Java values as JSON nodes. Anything that is not a JSON value an attribute could hold becomes
     * an {@link #unrepresentable()} node, which every attribute schema rejects as the wrong type: strings with NUL or
     * an unpaired surrogate (not valid UTF-8 text), integers beyond 64 bits, objects, lists nested in lists,
     * and Java types that are not JSON values (except enums and dates, which become what a record's would). Nothing is recursed into below an array's items, so a
     * self-referencing list or map cannot overflow the stack.
     *
     * @param integer whether the value is aimed at an integer attribute, whose range checks need a {@code long}
     * @param item    whether the value is an array item, which cannot itself be a container
     */
    private static JsonNode toNode(Object value, boolean integer, boolean item) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String s) {
            return isText(s) ? NODES.stringNode(s) : unrepresentable();
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // NaN and the infinities are not JSON numbers, and a fraction type is not an integer even when whole
            // (PHP's json_decode makes 5.0 a float, which Appwrite's Integer validator refuses).
            return !Double.isFinite(d) || integer ? unrepresentable() : NODES.numberNode(d);
        } else if (value instanceof BigInteger b) {
            return integer && b.bitLength() > 63 ? unrepresentable() : NODES.numberNode(b);
        } else if (value instanceof BigDecimal b) {
            // Written without a fraction ("5", "5E+2"), a decimal is what JSON calls an integer.
            return integer && (b.scale() > 0 || !fitsLong(b)) ? unrepresentable() : NODES.numberNode(b);
        } else if (!item && value instanceof Collection<?> c) {
            ArrayNode array = NODES.arrayNode();
            c.forEach(element -> array.add(toNode(element, integer, true)));
            return array;
        } else if (!item && value instanceof Object[] a) {
            ArrayNode array = NODES.arrayNode();
            for (Object element : a) {
                array.add(toNode(element, integer, true));
            }
            return array;
        } else if (value instanceof Enum<?> || value instanceof TemporalAccessor || value instanceof Date) {
            return mapped(value);
        }
        return unrepresentable();
    }

    /**
     * An enum constant or a date or time as Quire's JSON mapper writes it (a name, an ISO-8601 string), so a
     * {@code Map} holding one is accepted exactly as a record component of that type is.
     */
    private static JsonNode mapped(Object value) {
        try {
            JsonNode node = Json.MAPPER.valueToTree(value);
            return node.isString() ? toNode(node.stringValue(), false, true)
                    : node.isValueNode() && !node.isNull() ? node : unrepresentable();
        } catch (JacksonException e) {
            return unrepresentable();
        }
    }

    /** A value no attribute accepts: an object, which fails every attribute schema's type. */
    private static JsonNode unrepresentable() {
        return NODES.objectNode();
    }

    /** Text that is valid Unicode without NUL: what a UTF-8 database column can hold and give back unchanged. */
    private static boolean isText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean fitsLong(BigDecimal d) {
        return d.compareTo(LONG_MIN) >= 0 && d.compareTo(LONG_MAX) <= 0;
    }

    private Object storedValue(AttributeDef attribute, JsonNode node) {
        if (attribute.array()) {
            List<Object> values = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                values.add(scalar(attribute, node.get(i), attribute.key() + "['" + i + "']"));
            }
            return List.copyOf(values);
        }
        return scalar(attribute, node, attribute.key());
    }

    private Object scalar(AttributeDef attribute, JsonNode node, String label) {
        return switch (attribute.type()) {
            case STRING, VARCHAR, TEXT, MEDIUMTEXT, LONGTEXT -> node.asString();
            case INTEGER, BIGINT -> node.longValue();
            case FLOAT -> node.doubleValue();
            case BOOLEAN -> node.booleanValue();
            case DATETIME -> {
                Optional<String> canonical = Datetimes.canonical(node.asString());
                if (canonical.isEmpty()) {
                    throw Errors.invalidStructure(invalid(attribute, label, description(attribute, "format")));
                }
                yield canonical.get();
            }
        };
    }

    /**
     * A bigint attribute takes an integer written as a string too ({@code "9007199254740993"}), as Appwrite's
     * structure validator does, since JavaScript clients cannot hold such numbers exactly.
     */
    private static Object numericStrings(Object value) {
        if (value instanceof String s && INTEGER_TEXT.matcher(s).matches()) {
            return new BigInteger(s);
        }
        if (value instanceof Collection<?> c && c.stream().anyMatch(item -> item instanceof String)) {
            List<Object> items = new ArrayList<>(c.size());
            c.forEach(item -> items.add(item instanceof String s && INTEGER_TEXT.matcher(s).matches()
                    ? new BigInteger(s) : item));
            return items;
        }
        return value;
    }

    private String describe(List<Error> errors, ObjectNode document, boolean whole) {
        // Appwrite reports one failure: the first missing required attribute (a null counts as missing) ...
        for (AttributeDef attribute : attributes) {
            JsonNode value = document.get(attribute.key());
            if (whole && attribute.required() && (value == null || value.isNull())) {
                return "Missing required attribute \"" + attribute.key() + "\"";
            }
        }
        // ... then the first unknown attribute ...
        for (Map.Entry<String, JsonNode> entry : document.properties()) {
            if (!byKey.containsKey(entry.getKey())) {
                return "Unknown attribute: \"" + entry.getKey() + "\"";
            }
        }
        // ... then the first invalid value, in document order.
        List<String> order = new ArrayList<>(document.propertyNames());
        Error first = errors.stream()
                .filter(e -> e.getInstanceLocation().getNameCount() > 0)
                .min(Comparator.comparingInt((Error e) -> order.indexOf(String.valueOf(e.getInstanceLocation().getElement(0))))
                        .thenComparing(e -> e.getInstanceLocation().getNameCount() > 1
                                ? ((Number) e.getInstanceLocation().getElement(1)).intValue() : -1))
                .orElseThrow(() -> new IllegalStateException("Schema failure without a location: " + errors));
        String key = String.valueOf(first.getInstanceLocation().getElement(0));
        AttributeDef attribute = byKey.get(key);
        if (first.getInstanceLocation().getNameCount() == 1 && attribute.array()) {
            if ("maxItems".equals(first.getKeyword())) {
                return "Attribute \"" + key + "\" must be an array of at most " + numberFormat((long) MAX_ARRAY_ITEMS)
                        + " items";
            }
            return "Attribute \"" + key + "\" must be an array";
        }
        String label = first.getInstanceLocation().getNameCount() > 1
                ? key + "['" + first.getInstanceLocation().getElement(1) + "']" : key;
        return invalid(attribute, label, description(attribute, first.getKeyword()));
    }

    private static String invalid(AttributeDef attribute, String label, String description) {
        return "Attribute \"" + label + "\" has invalid " + (attribute.reportsFormat() ? "format" : "type") + ". "
                + description;
    }

    private static String description(AttributeDef attribute, String keyword) {
        boolean typeOrLength = "type".equals(keyword) || "maxLength".equals(keyword);
        return switch (attribute.type()) {
            case STRING, VARCHAR, TEXT, MEDIUMTEXT, LONGTEXT -> {
                if (attribute.format() == null || typeOrLength) {
                    yield "Value must be a valid string and no longer than " + attribute.size() + " chars";
                }
                yield switch (attribute.format()) {
                    case EMAIL -> "Value must be a valid email address";
                    case URL -> "Value must be a valid URL";
                    case IP -> "Value must be a valid IP address";
                    case ENUM -> "Value must be one of (" + String.join(", ", attribute.elements()) + ")";
                };
            }
            case INTEGER, BIGINT -> "type".equals(keyword) ? "Value must be a valid integer" : range(attribute);
            case FLOAT -> "type".equals(keyword) ? "Value must be a valid float" : range(attribute);
            case BOOLEAN -> "Value must be a valid boolean";
            case DATETIME -> "Value must be valid date.";
        };
    }

    private static String range(AttributeDef attribute) {
        return "Value must be a valid range between " + numberFormat(attribute.min()) + " and "
                + numberFormat(attribute.max());
    }

    /** PHP's {@code number_format}: thousands separated by commas, no decimals; Appwrite's messages use it. */
    static String numberFormat(Number n) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return n instanceof Long l ? format.format(l) : format.format(n.doubleValue());
    }
}
