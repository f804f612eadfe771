package dev.quire;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Arguments no call accepts (null where a value is required, a null key inside data, a null enum element, a
 * range end that is not a finite number) fail with a 400 {@link QuireException} of Appwrite's type, never a
 * JDK exception, and change nothing.
 */
class MisuseTest {
    private Databases db;

    @BeforeEach
    void schema() {
        db = Databases.inMemory();
        db.create("app", "App");
        db.createCollection("app", "c", "C");
        db.createStringAttribute("app", "c", "title", 64, false, null, false);
        db.createFloatAttribute("app", "c", "ratio", false, null, null, null, false);
        db.createDocument("app", "c", "one", Map.of("title", "One"), null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Map<String, Object> nullKey() {
        Map<String, Object> data = new HashMap<>();
        data.put(null, "x");
        return data;
    }

    @TestFactory
    Stream<DynamicTest> misuseIsA400OfAppwritesType() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("null database id", new Object[]{"general_argument_invalid", (Executable) () -> db.get(null)});
        cases.put("null collection id", new Object[]{"general_argument_invalid",
                (Executable) () -> db.getCollection("app", null)});
        cases.put("null document id to get", new Object[]{"general_argument_invalid",
                (Executable) () -> db.getDocument("app", "c", null)});
        cases.put("null document id to update", new Object[]{"general_argument_invalid",
                (Executable) () -> db.updateDocument("app", "c", null, Map.of("title", "x"), null)});
        cases.put("null document id to delete", new Object[]{"general_argument_invalid",
                (Executable) () -> db.deleteDocument("app", "c", null)});
        cases.put("null data to create", new Object[]{"general_argument_invalid",
                (Executable) () -> db.createDocument("app", "c", "two", (Map<String, ?>) null, null)});
        cases.put("null data to upsert", new Object[]{"general_argument_invalid",
                (Executable) () -> db.upsertDocument("app", "c", "two", (Map<String, ?>) null, null)});
        cases.put("null key inside data to create", new Object[]{"document_invalid_structure",
                (Executable) () -> db.createDocument("app", "c", "two", nullKey(), null)});
        cases.put("null key inside data to update", new Object[]{"document_invalid_structure",
                (Executable) () -> db.updateDocument("app", "c", "one", nullKey(), null)});
        cases.put("null attribute key to update", new Object[]{"general_argument_invalid",
                (Executable) () -> db.updateFloatAttribute("app", "c", null, false, null, 0.0, 1.0, null)});
        cases.put("null index type", new Object[]{"general_argument_invalid",
                (Executable) () -> db.createIndex("app", "c", "i", null, List.of("title"), List.of(), List.of())});
        cases.put("null index key to get", new Object[]{"general_argument_invalid",
                (Executable) () -> db.getIndex("app", "c", null)});
        cases.put("null enum element", new Object[]{"general_argument_invalid",
                (Executable) () -> db.createEnumAttribute("app", "c", "e", Arrays.asList("a", null), false, null, false)});
        cases.put("NaN minimum", new Object[]{"general_argument_invalid",
                (Executable) () -> db.createFloatAttribute("app", "c", "f", false, Double.NaN, null, null, false)});
        cases.put("infinite maximum", new Object[]{"general_argument_invalid",
                (Executable) () -> db.createFloatAttribute("app", "c", "f", false, null, Double.POSITIVE_INFINITY, null, false)});
        cases.put("NaN minimum on update", new Object[]{"general_argument_invalid",
                (Executable) () -> db.updateFloatAttribute("app", "c", "ratio", false, null, Double.NaN, 1.0, null)});
        cases.put("infinite maximum on update", new Object[]{"general_argument_invalid",
                (Executable) () -> db.updateFloatAttribute("app", "c", "ratio", false, null, 0.0, Double.NEGATIVE_INFINITY, null)});
        cases.put("null id for ID.custom", new Object[]{"general_argument_invalid", (Executable) () -> ID.custom(null)});
        cases.put("null caller", new Object[]{"general_argument_invalid", (Executable) () -> db.as(null)});
        return cases.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            QuireException e = assertThrows(QuireException.class, (Executable) entry.getValue()[1]);
            assertEquals(entry.getValue()[0], e.getType(), e.getMessage());
            assertEquals(400, e.getCode(), e.getMessage());
            assertEquals("One", db.getDocument("app", "c", "one").get("title"));
            assertEquals(2, db.getCollection("app", "c").getAttributes().size());
        }));
    }
}
