package dev.quire.internal.schema;

import dev.quire.IndexType;
import dev.quire.internal.Errors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appwrite's rules for changing an attribute of a collection that may already hold documents (its
 * {@code update*Attribute} endpoints and utopia-php/database's {@code updateAttribute}), and what deleting
 * or renaming an attribute does to the indexes that use it.
 */
public final class AttributeChanges {
    private AttributeChanges() {
    }

    /**
     * A new definition of an attribute, checked as Appwrite checks it; {@code required} and {@code xdefault}
     * always replace the old ones, {@code null} for the others keeps them.
     *
     * @param type   the type the endpoint is for; another type, or another string format, is
     *               {@code attribute_type_invalid}
     * @param size   a new maximum length for a plain string, or {@code null}
     * @param newKey a new key, or {@code null}
     */
    public static AttributeDef updated(CollectionSchema schema, AttributeDef old, AttributeType type,
                                       AttributeFormat format, boolean required, Object xdefault, Number min,
                                       Number max, Long size, List<String> elements, String newKey, String now) {
        if (old.type() != type || old.format() != format) {
            throw Errors.attributeTypeInvalid();
        }
        if (required && xdefault != null) {
            throw Errors.attributeDefaultUnsupported("Cannot set default value for required attribute");
        }
        if (old.array() && xdefault != null) {
            throw Errors.attributeDefaultUnsupported("Cannot set default value for array attributes");
        }
        Number newMin = old.min();
        Number newMax = old.max();
        if (type.base() == AttributeType.INTEGER || type == AttributeType.FLOAT) {
            AttributeRules.checkBound("min", min);
            AttributeRules.checkBound("max", max);
            newMin = min != null ? min : old.min();
            newMax = max != null ? max : old.max();
            if (new BigDecimal(newMin.toString()).compareTo(new BigDecimal(newMax.toString())) > 0) {
                throw Errors.attributeValueInvalid("Minimum value must be lesser than maximum value");
            }
        }
        List<String> newElements = old.elements();
        if (format == AttributeFormat.ENUM) {
            if (elements == null || elements.isEmpty()) {
                throw Errors.attributeValueInvalid("Enum elements must not be empty");
            }
            for (String element : elements) {
                if (element == null || element.isEmpty()) {
                    throw Errors.attributeValueInvalid("Each enum element must not be empty");
                }
            }
            if (xdefault != null && !elements.contains(xdefault)) {
                throw Errors.attributeValueInvalid("Default value not found in elements");
            }
            newElements = elements;
        }
        Long newSize = old.size();
        // text, mediumtext and longtext have fixed sizes; string and varchar may change theirs.
        if (size != null && size != 0 && (type == AttributeType.STRING || type == AttributeType.VARCHAR)
                && format == null) {
            newSize = size;
        }
        String key = old.key();
        if (newKey != null && !newKey.equals(old.key())) {
            key = Keys.check("newKey", newKey);
        }
        Object typedDefault = xdefault instanceof Number n && type == AttributeType.FLOAT ? n.doubleValue()
                : xdefault instanceof Number n && type.base() == AttributeType.INTEGER ? n.longValue() : xdefault;
        AttributeDef updated = new AttributeDef(key, type, format, required, old.array(), newSize, newMin, newMax,
                typedDefault, newElements, old.createdAt(), now);
        List<AttributeDef> others = new ArrayList<>(schema.attributes());
        others.remove(old);
        AttributeRules.check(updated, others);
        if (!Objects.equals(newSize, old.size())) {
            for (IndexDef index : schema.indexes()) {
                if (index.attributes().contains(old.key())) {
                    List<AttributeDef> attributes = new ArrayList<>();
                    for (String name : index.attributes()) {
                        attributes.add(name.equals(old.key()) ? updated : IndexRules.resolve(schema, name));
                    }
                    IndexRules.checkLengths(index, attributes);
                }
            }
        }
        return updated;
    }

    /** The collection's indexes with an attribute's key replaced by its new one, as Appwrite renames them. */
    public static List<IndexDef> renamed(List<IndexDef> indexes, String key, String newKey, String now) {
        List<IndexDef> renamed = new ArrayList<>();
        for (IndexDef index : indexes) {
            if (index.attributes().contains(key)) {
                renamed.add(new IndexDef(index.key(), index.type(),
                        index.attributes().stream().map(a -> a.equals(key) ? newKey : a).toList(), index.orders(),
                        index.lengths(), index.sqlName(), index.createdAt(), now));
            }
        }
        return renamed;
    }

    /**
     * What deleting an attribute does to the indexes, as Appwrite's database worker does it: each index
     * using it loses that attribute with its order and length; an index left with none is deleted, and so is
     * one left identical to another index.
     *
     * @param removed indexes to delete
     * @param changed indexes that lose the attribute, each named anew by {@code rename} (the H2 index is
     *                rebuilt)
     */
    public record Removal(List<IndexDef> removed, List<IndexDef> changed) {
        public static Removal of(List<IndexDef> indexes, String key, java.util.function.Function<IndexDef, String> rename,
                                 String now) {
            List<IndexDef> removed = new ArrayList<>();
            List<IndexDef> changed = new ArrayList<>();
            List<IndexDef> remaining = new ArrayList<>(indexes);
            for (IndexDef index : indexes) {
                int position = index.attributes().indexOf(key);
                if (position < 0) {
                    continue;
                }
                List<String> attributes = without(index.attributes(), position);
                if (attributes.isEmpty()) {
                    removed.add(index);
                    remaining.remove(index);
                    continue;
                }
                IndexDef shrunk = new IndexDef(index.key(), index.type(), attributes, without(index.orders(), position),
                        without(index.lengths(), position), index.sqlName(), index.createdAt(), now);
                shrunk = new IndexDef(shrunk.key(), shrunk.type(), shrunk.attributes(), shrunk.orders(),
                        shrunk.lengths(), shrunk.type() == IndexType.FULLTEXT ? index.sqlName() : rename.apply(shrunk),
                        shrunk.createdAt(), now);
                remaining.remove(index);
                IndexDef kept = shrunk;
                if (remaining.stream().anyMatch(other -> IndexRules.identical(kept, other))) {
                    removed.add(index);
                    continue;
                }
                remaining.add(shrunk);
                changed.add(shrunk);
            }
            return new Removal(removed, changed);
        }

        private static <T> List<T> without(List<T> list, int position) {
            List<T> copy = new ArrayList<>(list);
            if (position < copy.size()) {
                copy.remove(position);
            }
            return copy;
        }
    }
}
