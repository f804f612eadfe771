package dev.quire.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decodes the JSON query syntax into plain maps, lists and scalars (see {@link Trees}). */
final class JsonSyntax {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(QueryParser.MAX_NESTING)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonSyntax() {
    }

    static Object decode(String query) {
        JsonNode root;
        try {
            root = MAPPER.readTree(query);
        } catch (StreamConstraintsException e) {
            throw new QueryException(isNestingLimit(e) ? Trees.TOO_DEEP : syntaxError(query, e));
        } catch (JacksonException e) {
            throw new QueryException(syntaxError(query, e));
        }
        if (root == null || root.isMissingNode()) {
            throw new QueryException(Trees.syntaxError(query.length(), "a query", "the end of the query"));
        }
        return plain(root);
    }

    /**
     * Decodes text that may or may not be JSON, as PHP's {@code json_decode} does for Appwrite: anything that
     * is not a JSON document gives empty instead of an error.
     */
    static Optional<Object> tryDecode(String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            return root == null || root.isMissingNode() ? Optional.empty()
                    : Optional.ofNullable(plain(root));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * Where Jackson stopped, and its reason without the source excerpt it appends: Jackson's own words say
     * what it expected ("was expecting comma to separate Object entries").
     */
    private static String syntaxError(String query, JacksonException e) {
        long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
        String reason = e.getOriginalMessage();
        int source = reason.indexOf(" (start marker at ");
        if (source >= 0) {
            reason = reason.substring(0, source);
        }
        reason = reason.lines().findFirst().orElse("");
        int at = offset < 0 ? query.length() : (int) Math.min(offset, query.length());
        return Trees.SYNTAX_ERROR + " at character " + (at + 1) + ": " + reason;
    }

    private static boolean isNestingLimit(StreamConstraintsException e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase().contains("nesting depth");
    }

    // Recursion here is bounded by the parser's nesting limit.
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                map.put(property.getKey(), plain(property.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(plain(element));
            }
            return list;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            // PHP turns integers beyond 64 bits into floats; so do we.
            return big.bitLength() < 64 ? (Object) big.longValue() : big.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return null;
    }
}
