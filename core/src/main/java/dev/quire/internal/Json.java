package dev.quire.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/** Quire's one JSON mapper: documents to JSON, records and beans to and from document data, stored lists. */
public final class Json {
    /** Shared and thread-safe once built. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Resolved once: permission lists are read for every row. */
    private static final ObjectReader STRING_LIST = MAPPER.readerFor(new TypeReference<List<String>>() {
    });
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {
    };

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static List<String> readStringList(String json) {
        return STRING_LIST.readValue(json);
    }

    public static Object read(String json) {
        return MAPPER.readValue(json, Object.class);
    }

    /**
     * A record, bean or map as a map of its properties.
     *
     * @throws JacksonException when the value cannot be seen as an object
     */
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, OBJECT_MAP);
    }
}
