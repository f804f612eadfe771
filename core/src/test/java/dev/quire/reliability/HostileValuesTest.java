package dev.quire.reliability;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.QuireException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values no attribute can hold are refused with a 400 {@link QuireException} before anything is written: the
 * collection is empty afterwards, whichever call (create, update, upsert) carried them.
 */
class HostileValuesTest {
    private static final String DB = "hostile";
    private static final String COLL = "values";

    private Databases db;

    @BeforeEach
    void schema() {
        db = Databases.inMemory();
        db.create(DB, "Hostile");
        db.createCollection(DB, COLL, "Values");
        db.createStringAttribute(DB, COLL, "text", 255, false, null, false);
        db.createStringAttribute(DB, COLL, "big", 20_000_000, false, null, false);
        db.createIntegerAttribute(DB, COLL, "count", false, null, null, null, false);
        db.createFloatAttribute(DB, COLL, "ratio", false, null, null, null, false);
        db.createBooleanAttribute(DB, COLL, "flag", false, null, false);
        db.createStringAttribute(DB, COLL, "tags", 64, false, null, true);
        db.createIntegerAttribute(DB, COLL, "scores", false, null, null, null, true);
        db.createDatetimeAttribute(DB, COLL, "when", false, null, false);
        db.createEmailAttribute(DB, COLL, "email", false, null, false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Map<String, Object> data(String key, Object value) {
        Map<String, Object> data = new HashMap<>();
        data.put(key, value);
        return data;
    }

    /** Every hostile value, with the attribute it is aimed at. */
    static List<Object[]> hostile() {
        String tenMegabytes = "x".repeat(10 * 1024 * 1024);
        List<Object> hugeArray = Collections.nCopies(100_000, "t");
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[]{"NUL in a string", "text", "before\u0000after"});
        cases.add(new Object[]{"only NUL", "text", "\u0000"});
        cases.add(new Object[]{"NUL in an array item", "tags", List.of("ok", "a\u0000b")});
        cases.add(new Object[]{"unpaired high surrogate", "text", "abc\uD800def"});
        cases.add(new Object[]{"unpaired low surrogate", "text", "\uDC00"});
        cases.add(new Object[]{"surrogates in the wrong order", "text", "\uDC00\uD800"});
        cases.add(new Object[]{"high surrogate at the end", "text", "end\uD83D"});
        cases.add(new Object[]{"10 MB string into a 255-char attribute", "text", tenMegabytes});
        cases.add(new Object[]{"10 MB string with an unpaired surrogate", "big", tenMegabytes + "\uD800"});
        cases.add(new Object[]{"integer above 2^63", "count", BigInteger.ONE.shiftLeft(63)});
        cases.add(new Object[]{"integer below -2^63", "count", BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE)});
        cases.add(new Object[]{"huge integral double into an integer", "count", 1e300});
        cases.add(new Object[]{"huge integral BigDecimal into an integer", "count", new BigDecimal("1e30")});
        cases.add(new Object[]{"fraction into an integer", "count", 1.5});
        cases.add(new Object[]{"NaN into an integer", "count", Double.NaN});
        cases.add(new Object[]{"whole double into an integer", "count", 5.0});
        cases.add(new Object[]{"whole float into an integer", "count", 5.0f});
        cases.add(new Object[]{"whole double into an integer array", "scores", List.of(1L, 2.0)});
        cases.add(new Object[]{"decimal written with a fraction into an integer", "count", new BigDecimal("5.0")});
        cases.add(new Object[]{"NaN into a string", "text", Double.NaN});
        cases.add(new Object[]{"Infinity into a string", "text", Double.POSITIVE_INFINITY});
        cases.add(new Object[]{"a number into a string", "text", 5});
        cases.add(new Object[]{"NaN into a string array", "tags", List.of(Double.NaN)});
        cases.add(new Object[]{"NaN into a float", "ratio", Double.NaN});
        cases.add(new Object[]{"float NaN into a float", "ratio", Float.NaN});
        cases.add(new Object[]{"+Infinity into a float", "ratio", Double.POSITIVE_INFINITY});
        cases.add(new Object[]{"-Infinity into a float", "ratio", Double.NEGATIVE_INFINITY});
        cases.add(new Object[]{"BigDecimal beyond double into a float", "ratio", new BigDecimal("1e400")});
        cases.add(new Object[]{"BigDecimal below -double into a float", "ratio", new BigDecimal("-1e400")});
        cases.add(new Object[]{"BigInteger beyond double into a float", "ratio", BigInteger.TEN.pow(400)});
        cases.add(new Object[]{"null inside a string array", "tags", Arrays.asList("a", null, "b")});
        cases.add(new Object[]{"null inside an integer array", "scores", Arrays.asList(1L, null)});
        cases.add(new Object[]{"out-of-range item in an integer array", "scores", List.of(BigInteger.TEN.pow(30))});
        cases.add(new Object[]{"nested map into a string", "text", Map.of("nested", Map.of("deeper", "x"))});
        cases.add(new Object[]{"nested map into an array", "tags", List.of(Map.of("a", "b"))});
        cases.add(new Object[]{"nested list into an array", "tags", List.of(List.of("a"))});
        cases.add(new Object[]{"map into an integer", "count", Map.of()});
        cases.add(new Object[]{"Object into a string", "text", new Object()});
        cases.add(new Object[]{"UUID into a string", "text", UUID.randomUUID()});
        // A LocalDate is a datetime (as in a record); a time of day without a date is not.
        cases.add(new Object[]{"LocalTime into a datetime", "when", LocalTime.NOON});
        cases.add(new Object[]{"byte[] into a string", "text", new byte[]{1, 2, 3}});
        cases.add(new Object[]{"char[] into a string", "text", new char[]{'a'}});
        cases.add(new Object[]{"Optional into a string", "text", Optional.of("x")});
        cases.add(new Object[]{"Character into a string", "text", 'c'});
        cases.add(new Object[]{"Path into a string", "text", Path.of("/etc/passwd")});
        cases.add(new Object[]{"Thread into a boolean", "flag", Thread.currentThread()});
        cases.add(new Object[]{"self-referencing list", "tags", selfReferencingList()});
        cases.add(new Object[]{"self-referencing map", "text", selfReferencingMap()});
        cases.add(new Object[]{"string into a boolean", "flag", "true"});
        cases.add(new Object[]{"number string into an integer", "count", "12"});
        cases.add(new Object[]{"scalar into an array", "tags", "a"});
        cases.add(new Object[]{"array into a scalar", "text", List.of("a")});
        cases.add(new Object[]{"huge array of 100,000 items", "tags", hugeArray});
        cases.add(new Object[]{"huge array item too long", "tags", List.of("t".repeat(65))});
        cases.add(new Object[]{"NUL in an email", "email", "a\u0000@example.com"});
        cases.add(new Object[]{"NUL in a datetime", "when", "2020-01-01\u0000"});
        return cases;
    }

    private static List<Object> selfReferencingList() {
        List<Object> list = new ArrayList<>();
        list.add(list);
        return list;
    }

    private static Map<String, Object> selfReferencingMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("self", map);
        return map;
    }

    @TestFactory
    Stream<DynamicTest> createRejectsEachHostileValueAndStoresNothing() {
        return hostile().stream().map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
            try {
                QuireException e = assertThrows(QuireException.class,
                        () -> db.createDocument(DB, COLL, "victim", data((String) c[1], c[2]), null));
                assertEquals(400, e.getCode(), e.getType() + ": " + e.getMessage());
            } finally {
                assertNothingStored();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> updateRejectsEachHostileValueAndKeepsTheDocument() {
        return hostile().stream().map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
            Document before = db.upsertDocument(DB, COLL, "victim", Map.of("text", "kept"), null);
            try {
                QuireException e = assertThrows(QuireException.class,
                        () -> db.updateDocument(DB, COLL, "victim", data((String) c[1], c[2]), null));
                assertEquals(400, e.getCode(), e.getType() + ": " + e.getMessage());
                assertEquals(before.getData(), db.getDocument(DB, COLL, "victim").getData());
                assertEquals(1, db.listDocuments(DB, COLL, List.of()).getTotal());
            } finally {
                db.deleteDocument(DB, COLL, "victim");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> upsertRejectsEachHostileValueAndStoresNothing() {
        return hostile().stream().map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
            try {
                QuireException e = assertThrows(QuireException.class,
                        () -> db.upsertDocument(DB, COLL, "victim", data((String) c[1], c[2]), null));
                assertEquals(400, e.getCode(), e.getType() + ": " + e.getMessage());
            } finally {
                assertNothingStored();
            }
        }));
    }

    /** The collection is empty; a value that slipped through is removed so the next case starts clean. */
    private void assertNothingStored() {
        long total = db.listDocuments(DB, COLL, List.of()).getTotal();
        if (total != 0) {
            db.deleteDocument(DB, COLL, "victim");
        }
        assertEquals(0, total, "a document was stored");
    }

    @Test
    void hostileValuesAreRejectedAsInvalidStructure() {
        QuireException e = assertThrows(QuireException.class,
                () -> db.createDocument(DB, COLL, "victim", Map.of("text", "a\u0000b"), null));
        assertEquals("document_invalid_structure", e.getType());
        assertTrue(e.getMessage().contains("\"text\""), e.getMessage());
    }

    @Test
    void theLargestValuesThatFitAreStoredWhole() {
        String tenMegabytes = "y".repeat(10 * 1024 * 1024);
        List<String> thousandTags = Collections.nCopies(1_000, "t".repeat(64));
        db.createDocument(DB, COLL, "big", Map.of("big", tenMegabytes, "tags", thousandTags,
                "count", Long.MAX_VALUE, "ratio", Double.MAX_VALUE, "text", "emoji \uD83D\uDE00 and \u00e9"), null);
        Document stored = db.getDocument(DB, COLL, "big");
        assertEquals(tenMegabytes, stored.get("big"));
        assertEquals(thousandTags, stored.get("tags"));
        assertEquals(Long.MAX_VALUE, stored.get("count"));
        assertEquals(Double.MAX_VALUE, stored.get("ratio"));
        assertEquals("emoji \uD83D\uDE00 and \u00e9", stored.get("text"));
    }
}
