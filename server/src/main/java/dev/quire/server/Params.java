package dev.quire.server;

import dev.quire.QuireException;

import java.util.List;
import java.util.Map;

/**
 * A request's parameters, from the JSON body or, for GET, the query string (where every value is a string, as
 * the SDKs write them: {@code total=false}, {@code queries[0]=…}). Each getter checks the type as Appwrite's
 * param validators do and reports {@code general_argument_invalid}.
 */
final class Params {
    private final Map<String, Object> values;

    Params(Map<String, Object> values) {
        this.values = values;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    Object raw(String name) {
        return values.get(name);
    }

    String string(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw HttpErrors.invalidParam(name, "Value must be a valid string");
    }

    String requiredString(String name) {
        return require(name, string(name));
    }

    Boolean bool(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String s && (s.equals("true") || s.equals("1"))) {
            return true;
        }
        if (value instanceof String s && (s.equals("false") || s.equals("0"))) {
            return false;
        }
        throw HttpErrors.invalidParam(name, "Value must be a valid boolean");
    }

    boolean bool(String name, boolean fallback) {
        Boolean value = bool(name);
        return value == null ? fallback : value;
    }

    boolean requiredBool(String name) {
        return require(name, bool(name));
    }

    Long integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 0x1p63) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw HttpErrors.invalidParam(name, "Value must be a valid integer");
    }

    Double decimal(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw HttpErrors.invalidParam(name, "Value must be a valid float");
    }

    /** A list of strings; a lone string counts as a one-element list, as a PHP array param would take it. */
    List<String> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw HttpErrors.invalidParam(name, "Value must be a valid array and Value must be a valid string");
    }

    List<Integer> integers(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list && list.stream().allMatch(v -> v == null || v instanceof Integer)) {
            return list.stream().map(Integer.class::cast).toList();
        }
        throw HttpErrors.invalidParam(name, "Value must be a valid array and Value must be a valid integer");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return Map.of(); // PHP encodes an empty object as []
        }
        throw HttpErrors.invalidParam(name, "Value must be a valid object");
    }

    private static <T> T require(String name, T value) {
        if (value == null) {
            throw HttpErrors.missingParam(name);
        }
        return value;
    }

    /** @throws QuireException {@code general_not_implemented} when a param Quire does not offer is used */
    void unsupported(String name, String what) {
        Object value = values.get(name);
        if (value != null && !(value instanceof List<?> l && l.isEmpty()) && !"".equals(value)) {
            throw HttpErrors.notImplemented(what);
        }
    }
}
