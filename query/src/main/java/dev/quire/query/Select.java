package dev.quire.query;

import dev.quire.query.internal.JsonWriter;
import java.util.List;

/**
 * Which attributes to return, e.g. {@code select(["title", "year"])}; {@code "*"} means all.
 *
 * @param attributes the attribute keys, in order
 */
public record Select(List<String> attributes) implements QueryNode {

    /** Copies the keys; none may be null. */
    public Select {
        attributes = List.copyOf(attributes);
    }

    @Override
    public Method method() {
        return Method.SELECT;
    }

    @Override
    public String toJson() {
        StringBuilder out = new StringBuilder("{\"method\":\"select\",\"values\":[");
        for (int i = 0; i < attributes.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonWriter.string(out, attributes.get(i));
        }
        return out.append("]}").toString();
    }
}
