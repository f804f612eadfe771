package dev.quire.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties over many values: what the builders write, the parser reads back unchanged. */
class OperatorPropertiesTest {

    private static final Gen<Double> FINITE = doubles().any().assuming(Double::isFinite);
    private static final Field COUNT = new Field("count", FieldType.INTEGER, false);

    @Test
    void everyFiniteNumberSurvivesTheRoundTrip() {
        qt().forAll(FINITE, FINITE).checkAssert((value, max) -> {
            String written = Operator.increment(value, max);
            assertEquals(written, UpdateOperator.recognise("n", written).orElseThrow().toJson());
        });
    }

    @Test
    void everyStringSurvivesTheRoundTrip() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 16)).checkAssert(text -> {
            String written = Operator.arrayAppend(List.of(text));
            UpdateOperator read = UpdateOperator.recognise("tags", written).orElseThrow();
            assertEquals(written, read.toJson());
        });
    }

    @Test
    void aBoundedIncrementNeverPassesItsMaximum() {
        qt().forAll(longs().between(-1_000_000, 1_000_000), longs().between(1, 1000), longs().between(-1000, 1000))
                .checkAssert((current, by, max) -> {
                    Object next = UpdateOperator.recognise("count", Operator.increment(by, max)).orElseThrow()
                            .apply(COUNT, null, current, java.time.Instant.EPOCH);
                    assertEquals(Math.min(current + by, max), next);
                });
    }
}
