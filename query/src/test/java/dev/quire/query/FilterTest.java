package dev.quire.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterTest {

    @Test
    void numbersThatPrintTheSameAreEqual() {
        Filter whole = new Filter(Method.EQUAL, "a", List.of(26.0));
        Filter integral = new Filter(Method.EQUAL, "a", List.of(26L));
        assertEquals(whole, integral);
        assertEquals(whole.hashCode(), integral.hashCode());
    }

    @Test
    void numbersThatPrintDifferentlyAreNotEqual() {
        assertNotEquals(new Filter(Method.EQUAL, "a", List.of(9007199254740993L)),
                new Filter(Method.EQUAL, "a", List.of(9007199254740992.0)));
        assertNotEquals(new Filter(Method.EQUAL, "a", List.of("1")), new Filter(Method.EQUAL, "a", List.of(1L)));
    }

    @Test
    void smallIntegralTypesBecomeLongsAndFloatsDoubles() {
        Filter filter = new Filter(Method.EQUAL, "a", List.of(1, (short) 2, (byte) 3, 1.5f));
        assertEquals(List.of(1L, 2L, 3L, 1.5), filter.values());
    }

    @Test
    void valuesAreCopiedAndImmutable() {
        List<Object> values = new ArrayList<>(Arrays.asList("a", null));
        Filter filter = new Filter(Method.EQUAL, "a", values);
        values.add("b");
        assertEquals(Arrays.asList("a", null), filter.values());
        assertThrows(UnsupportedOperationException.class, () -> filter.values().add("c"));
    }

    @Test
    void onlyFilterMethodsMakeFilters() {
        assertThrows(IllegalArgumentException.class, () -> new Filter(Method.LIMIT, null, List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new Filter(Method.CREATED_BEFORE, null, List.of("x")));
    }

    @Test
    void logicalRejectsNonFilterChildren() {
        assertThrows(IllegalArgumentException.class, () -> new Logical(Method.OR, List.of(new Limit(1))));
    }

    @Test
    void orderNeedsAnAttributeUnlessRandom() {
        assertThrows(IllegalArgumentException.class, () -> new Order(Method.ORDER_ASC, null));
        assertThrows(IllegalArgumentException.class, () -> new Order(Method.ORDER_RANDOM, "a"));
    }

    @Test
    void everyMethodIsFoundByItsWireName() {
        for (Method method : Method.values()) {
            assertEquals(method, Method.fromWireName(method.wireName()).orElseThrow());
        }
        assertEquals(java.util.Optional.empty(), Method.fromWireName("nope"));
        assertEquals(java.util.Optional.empty(), Method.fromWireName(null));
    }
}
