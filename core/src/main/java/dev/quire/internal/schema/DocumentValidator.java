package dev.quire.internal.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.quire.internal.Errors;
import dev.quire.query.internal.Datetimes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    private final List<AttributeDef> attributes;
    private final Map<String, AttributeDef> byKey;
    private final Schema schema;

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
            document.set(entry.getKey(), toNode(value));
        }
        for (AttributeDef attribute : attributes) {
            if (!document.has(attribute.key()) && attribute.xdefault() != null) {
                document.set(attribute.key(), toNode(attribute.xdefault()));
            }
        }
        List<Error> errors = schema.validate(document);
        if (!errors.isEmpty()) {
            throw Errors.invalidStructure(describe(errors, document));
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        for (AttributeDef attribute : attributes) {
            JsonNode node = document.get(attribute.key());
            stored.put(attribute.key(), node == null || node.isNull() ? null : storedValue(attribute, node));
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
        return array;
    }

    private static ObjectNode valueSchema(AttributeDef attribute) {
        ObjectNode node = NODES.objectNode();
        switch (attribute.type()) {
            case STRING -> {
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
            case INTEGER -> {
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

    /** Java values as JSON nodes. Anything that is not a JSON value becomes a node no attribute schema accepts. */
    private static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String s) {
            return NODES.stringNode(s);
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // NaN and the infinities are not JSON numbers; as text they fail every numeric schema.
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.stringNode(String.valueOf(d));
        } else if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        } else if (value instanceof BigDecimal b) {
            return NODES.numberNode(b);
        } else if (value instanceof Collection<?> c) {
            ArrayNode array = NODES.arrayNode();
            c.forEach(item -> array.add(toNode(item)));
            return array;
        } else if (value instanceof Object[] a) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : a) {
                array.add(toNode(item));
            }
            return array;
        } else if (value instanceof Map<?, ?> m) {
            ObjectNode object = NODES.objectNode();
            m.forEach((k, v) -> object.set(String.valueOf(k), toNode(v)));
            return object;
        }
        return NODES.pojoNode(value);
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
            case STRING -> node.asString();
            case INTEGER -> node.longValue();
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

    private String describe(List<Error> errors, ObjectNode document) {
        // Appwrite reports one failure: the first missing required attribute (a null counts as missing) ...
        for (AttributeDef attribute : attributes) {
            JsonNode value = document.get(attribute.key());
            if (attribute.required() && (value == null || value.isNull())) {
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
            case STRING -> {
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
            case INTEGER -> "type".equals(keyword) ? "Value must be a valid integer" : range(attribute);
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
