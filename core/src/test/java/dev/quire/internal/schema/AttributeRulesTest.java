package dev.quire.internal.schema;

import dev.quire.QuireException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AttributeRulesTest {
    private static AttributeDef flag(String key) {
        return new AttributeDef(key, AttributeType.BOOLEAN, null, false, false, null, null, null, null, null,
                "2020-01-01T00:00:00.000+00:00", "2020-01-01T00:00:00.000+00:00");
    }

    @Test
    void aCollectionHoldsAtMostAppwritesColumnCountLessItsInternalColumns() {
        List<AttributeDef> existing = new ArrayList<>();
        for (int i = 0; i < AttributeRules.MAX_COLUMNS - AttributeRules.INTERNAL_COLUMNS - 1; i++) {
            existing.add(flag("f" + i));
        }

        assertDoesNotThrow(() -> AttributeRules.check(flag("last"), existing));
        existing.add(flag("last"));
        QuireException e = assertThrows(QuireException.class, () -> AttributeRules.check(flag("one-more"), existing));
        assertEquals("attribute_limit_exceeded", e.getType());
        assertEquals(400, e.getCode());
    }

    @Test
    void rowWidthCountsStringsAsMariaDbDoes() {
        assertEquals(255 * 4 + 1, AttributeRules.width(string(255)));
        assertEquals(256 * 4 + 2, AttributeRules.width(string(256)));
        assertEquals(10, AttributeRules.width(string(16_382)));
        assertEquals(12, AttributeRules.width(string(1_073_741_824L)));
    }

    private static AttributeDef string(long size) {
        return new AttributeDef("s", AttributeType.STRING, null, false, false, size, null, null, null, null,
                "2020-01-01T00:00:00.000+00:00", "2020-01-01T00:00:00.000+00:00");
    }
}
