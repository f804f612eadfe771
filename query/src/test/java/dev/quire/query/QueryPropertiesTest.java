package dev.quire.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.quire.query.internal.JsonWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;
import org.quicktheories.impl.Constraint;

class QueryPropertiesTest {

    private static final List<Method> FILTER_METHODS = Arrays.stream(Method.values())
            .filter(m -> m.kind() == Method.Kind.FILTER).toList();
    private static final Gen<String> TEXT = strings().allPossible().ofLengthBetween(0, 12)
            .mix(strings().basicLatinAlphabet().ofLengthBetween(0, 6));
    private static final Gen<Double> FINITE = doubles().any().assuming(Double::isFinite);
    private static final Gen<Object> SCALAR = Generate.oneOf(TEXT.map(s -> (Object) s),
            longs().all().map(l -> (Object) l), FINITE.map(d -> (Object) d),
            booleans().all().map(b -> (Object) b), Generate.constant((Object) null));
    private static final Gen<QueryNode> TREES = QueryPropertiesTest::node;

    private static QueryNode node(RandomnessSource in) {
        switch (pick(in, 8)) {
            case 0: return new Select(list(in, 0, 4, TEXT));
            case 1: return new Order(pick(in, 2) == 0 ? Method.ORDER_ASC : Method.ORDER_DESC,
                    TEXT.assuming(s -> !s.isEmpty()).generate(in));
            case 2: return new Order(Method.ORDER_RANDOM, null);
            case 3: return new Limit(integers().all().generate(in));
            case 4: return new Offset(integers().all().generate(in));
            case 5: return new Cursor(pick(in, 2) == 0 ? Method.CURSOR_AFTER : Method.CURSOR_BEFORE, TEXT.generate(in));
            case 6: return filter(in);
            default: return logical(in, 1);
        }
    }

    private static Logical logical(RandomnessSource in, int depth) {
        List<QueryNode> children = new ArrayList<>();
        int count = pick(in, 4);
        for (int i = 0; i < count; i++) {
            children.add(depth < 4 && pick(in, 3) == 0 ? logical(in, depth + 1) : filter(in));
        }
        return new Logical(pick(in, 2) == 0 ? Method.AND : Method.OR, children);
    }

    private static Filter filter(RandomnessSource in) {
        Method method = FILTER_METHODS.get(pick(in, FILTER_METHODS.size()));
        String attribute = pick(in, 8) == 0 ? null : TEXT.generate(in);
        return new Filter(method, attribute, list(in, 0, 4, SCALAR));
    }

    private static <T> List<T> list(RandomnessSource in, int min, int max, Gen<T> elements) {
        int size = min + pick(in, max - min + 1);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(elements.generate(in));
        }
        return list;
    }

    private static int pick(RandomnessSource in, int bound) {
        return (int) in.next(Constraint.between(0, bound - 1));
    }

    @Test
    void everyTreeRoundTripsThroughItsJson() {
        qt().withExamples(3000).forAll(TREES).checkAssert(node -> assertEquals(node, QueryParser.parse(node.toJson())));
    }

    @Test
    void parsingTheJsonOfAParsedTreeGivesTheSameString() {
        qt().withExamples(1000).forAll(TREES)
                .checkAssert(node -> assertEquals(node.toJson(), QueryParser.parse(node.toJson()).toJson()));
    }

    @Test
    void javaScriptNumberTextParsesBackToTheSameDouble() {
        qt().withExamples(5000).forAll(FINITE)
                .checkAssert(d -> assertEquals(d == 0 ? 0.0 : d, Double.parseDouble(JsonWriter.doubleToString(d))));
    }

    @Test
    void randomStringsOnlyEverFailWithQueryException() {
        Gen<String> noise = strings().allPossible().ofLengthBetween(0, 40)
                .mix(strings().ascii().ofLengthBetween(0, 40))
                .mix(strings().betweenCodePoints('"', ']').ofLengthBetween(0, 40));
        qt().withExamples(5000).forAll(noise).checkAssert(QueryPropertiesTest::parsesOrFailsCleanly);
    }

    @Test
    void mangledQueriesOnlyEverFailWithQueryException() {
        Gen<String> mangled = TREES.map(QueryNode::toJson).mix(TREES.map(QueryPropertiesTest::functionCallForm))
                .zip(integers().between(0, 1000), integers().between(0, 3), strings().ascii().ofLengthBetween(1, 3),
                        QueryPropertiesTest::mangle);
        qt().withExamples(5000).forAll(mangled).checkAssert(QueryPropertiesTest::parsesOrFailsCleanly);
    }

    @Test
    void planningRandomQueriesOnlyEverFailsWithQueryException() {
        QuerySchema schema = QuerySchema.forDocuments(List.of(new Field("a", FieldType.STRING, false),
                new Field("b", FieldType.INTEGER, true), new Field("c", FieldType.DATETIME, false)), Set.of("a"));
        qt().withExamples(3000).forAll(TREES).checkAssert(node -> {
            try {
                QueryPlan.of(List.of(node.toJson()), schema);
            } catch (QueryException expected) {
                // any rejection is fine, as long as it is a QueryException
            }
        });
    }

    private static void parsesOrFailsCleanly(String query) {
        try {
            QueryParser.parse(query);
        } catch (QueryException expected) {
            // the only failure allowed
        }
    }

    private static String mangle(String query, int position, int operation, String noise) {
        int at = Math.min(position, query.length());
        switch (operation) {
            case 0: return query.substring(0, at);
            case 1: return query.substring(0, at) + noise + query.substring(at);
            case 2: return query.substring(0, at) + query.substring(Math.min(query.length(), at + noise.length()));
            default: return query.replace('"', noise.charAt(0));
        }
    }

    // A rough function-call rendering, enough to exercise that parser with near-valid input.
    private static String functionCallForm(QueryNode node) {
        return node.method().wireName() + "(" + node.toJson().replaceAll("^\\{|\\}$", "") + ")";
    }
}
