package dev.quire.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decodes the function-call syntax of SDKs before Appwrite 1.5 ({@code equal("title", ["Avatar"])})
 * into the same maps the JSON syntax decodes to, so both share one tree builder ({@link Trees}).
 *
 * <p>Grammar: {@code call := name "(" [arg ("," arg)*] ")"}, {@code arg := call | array | string |
 * number | true | false | null}, {@code array := "[" [arg ("," arg)*] "]"}; whitespace is allowed
 * between tokens. Strings use double or single quotes; a backslash before a quote or a backslash
 * stands for that character, before anything else it is kept, as in utopia's old parser.
 */
final class FunctionCallSyntax {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private static final String VALUE = "a value (a string, a number, an array, true, false, null or a query)";

    private final String text;
    private int pos;
    private int depth;

    private FunctionCallSyntax(String text) {
        this.text = text;
    }

    static Map<String, Object> decode(String query) {
        FunctionCallSyntax syntax = new FunctionCallSyntax(query);
        syntax.skipWhitespace();
        Map<String, Object> call = syntax.call(syntax.name());
        syntax.skipWhitespace();
        if (syntax.pos != query.length()) {
            throw syntax.error("the end of the query");
        }
        return call;
    }

    private Map<String, Object> call(String name) {
        List<Object> args = sequence('(', ')');
        return shape(name, args);
    }

    // Old SDKs wrote the attribute as the first argument of filters and orders, and values after it.
    private static Map<String, Object> shape(String name, List<Object> args) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("method", name);
        Optional<Method> method = Method.fromWireName(name);
        Method.Kind kind = method.map(Method::kind).orElse(null);
        boolean namesAttribute = method.isPresent()
                && (kind == Method.Kind.FILTER && method.get() != Method.EXISTS && method.get() != Method.NOT_EXISTS
                || method.get() == Method.ORDER_ASC || method.get() == Method.ORDER_DESC);
        if (namesAttribute && !args.isEmpty()) {
            query.put("attribute", args.get(0));
            query.put("values", unwrap(args.subList(1, args.size())));
        } else {
            query.put("values", unwrap(args));
        }
        return query;
    }

    // A single array argument holds the values; otherwise each argument is one value.
    private static List<Object> unwrap(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return new ArrayList<>(args);
    }

    private List<Object> sequence(char open, char close) {
        expect(open);
        if (++depth > QueryParser.MAX_NESTING) {
            throw new QueryException(Trees.TOO_DEEP);
        }
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (at(close)) {
            pos++;
        } else {
            while (true) {
                items.add(argument());
                skipWhitespace();
                if (at(close)) {
                    pos++;
                    break;
                }
                if (!at(',')) {
                    throw error("',' or '" + close + "'");
                }
                pos++;
            }
        }
        depth--;
        return items;
    }

    private Object argument() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error(VALUE);
        }
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            return string();
        }
        if (c == '[') {
            return sequence('[', ']');
        }
        if (Character.isLetter(c)) {
            String word = name();
            switch (word) {
                case "true": return Boolean.TRUE;
                case "false": return Boolean.FALSE;
                case "null": return null;
                default:
                    skipWhitespace();
                    if (!at('(')) {
                        throw error("'(' after " + word + " (or true, false, null)");
                    }
                    return call(word);
            }
        }
        return number();
    }

    private String string() {
        int start = pos;
        char quote = next();
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = next();
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char escaped = next();
                if (escaped != '"' && escaped != '\'' && escaped != '\\') {
                    out.append('\\');
                }
                out.append(escaped);
            } else {
                out.append(c);
            }
        }
        throw new QueryException(Trees.syntaxError(start, "a closing " + quote + " for the string that starts here",
                "the end of the query"));
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        if (!NUMBER.matcher(literal).matches()) {
            throw new QueryException(Trees.syntaxError(start, VALUE, literal.isEmpty() ? found() : "'" + literal + "'"));
        }
        if (INTEGER.matcher(literal).matches()) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooBig) {
                // PHP turns integers beyond 64 bits into floats; so do we.
            }
        }
        double value = Double.parseDouble(literal);
        if (!Double.isFinite(value)) {
            throw new QueryException(Trees.syntaxError(start, "a number within the range of a double", "'" + literal + "'"));
        }
        return value;
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("a method name");
        }
        return text.substring(start, pos);
    }

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        skipWhitespace();
        if (!at(c)) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    /** The next character; callers have checked that there is one. */
    private char next() {
        return text.charAt(pos++);
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** A syntax error at the current position: what was expected there, and what was found instead. */
    private QueryException error(String expected) {
        return new QueryException(Trees.syntaxError(pos, expected, found()));
    }

    private String found() {
        return pos >= text.length() ? "the end of the query" : "'" + text.charAt(pos) + "'";
    }
}
