package dev.quire.internal.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JSON Schema a collection's attributes compile into. */
class DocumentValidatorTest {
    private static final String NOW = "2020-01-01T00:00:00.000+00:00";

    @Test
    void attributesCompileIntoOneClosedObjectSchema() {
        DocumentValidator validator = new DocumentValidator(List.of(
                new AttributeDef("title", AttributeType.STRING, null, true, false, 10L, null, null, null, null, NOW, NOW),
                new AttributeDef("year", AttributeType.INTEGER, null, false, false, null, 1L, 9L, null, null, NOW, NOW),
                new AttributeDef("tags", AttributeType.STRING, AttributeFormat.ENUM, false, true, 255L, null, null,
                        null, List.of("a", "b"), NOW, NOW)));

        assertEquals("{\"type\":\"object\",\"properties\":{"
                        + "\"title\":{\"type\":\"string\",\"maxLength\":10},"
                        + "\"year\":{\"type\":[\"integer\",\"null\"],\"minimum\":1,\"maximum\":9},"
                        + "\"tags\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\",\"maxLength\":255,"
                        + "\"enum\":[\"a\",\"b\"]},\"maxItems\":65536}},"
                        + "\"required\":[\"title\"],\"additionalProperties\":false}",
                validator.jsonSchema().toString());
    }

    @Test
    void numbersInMessagesAreFormattedAsPhpDoes() {
        assertEquals("1,234,567", DocumentValidator.numberFormat(1_234_567L));
        assertEquals("-9,223,372,036,854,775,808", DocumentValidator.numberFormat(Long.MIN_VALUE));
        assertEquals("2", DocumentValidator.numberFormat(1.5));
    }
}
