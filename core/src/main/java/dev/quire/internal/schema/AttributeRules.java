package dev.quire.internal.schema;

import dev.quire.QuireException;
import dev.quire.internal.Errors;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Appwrite's rules for defining an attribute: sizes, ranges, enum elements, defaults, and the limits on
 * attribute count and row width that Appwrite inherits from MariaDB (kept so that a schema that works
 * here works on Appwrite too).
 */
public final class AttributeRules {
    public static final long MAX_STRING_SIZE = 1_073_741_824L;
    /** The largest {@code varchar}: what fits a MariaDB row in utf8mb4. */
    public static final long MAX_VARCHAR_SIZE = 16_381L;
    static final int MAX_ENUM_ELEMENTS = 100;
    static final int MAX_ENUM_ELEMENT_LENGTH = 255;
    /** MariaDB's column limit as Appwrite counts it, internal columns included. */
    static final int MAX_COLUMNS = 1017;
    static final int INTERNAL_COLUMNS = 6;
    /** MariaDB's row size limit in bytes, and the bytes Appwrite's internal columns take of it. */
    static final int MAX_ROW_WIDTH = 65_535;
    static final int INTERNAL_WIDTH = 1_067;

    private AttributeRules() {
    }

    /**
     * Checks a new attribute against its own rules and against the collection it joins.
     *
     * @param existing the collection's attributes before this one
     */
    public static void check(AttributeDef attribute, List<AttributeDef> existing) {
        Keys.check("key", attribute.key());
        String lower = attribute.key().toLowerCase(Locale.ROOT);
        for (AttributeDef other : existing) {
            if (other.key().toLowerCase(Locale.ROOT).equals(lower)) {
                throw Errors.attributeAlreadyExists();
            }
        }
        checkDefinition(attribute);
        checkLimits(attribute, existing);
    }

    /** The rules that concern the attribute alone: its size, range, elements and default. */
    public static void checkDefinition(AttributeDef attribute) {
        if (attribute.type() == AttributeType.STRING && attribute.format() == null
                && (attribute.size() == null || attribute.size() < 1 || attribute.size() > MAX_STRING_SIZE)) {
            throw Errors.invalidParam("size", "Value must be a valid range between 1 and 1,073,741,824");
        }
        if (attribute.type() == AttributeType.VARCHAR
                && (attribute.size() == null || attribute.size() < 1 || attribute.size() > MAX_VARCHAR_SIZE)) {
            throw Errors.invalidParam("size", "Value must be a valid range between 1 and 16,381");
        }
        checkBound("min", attribute.min());
        checkBound("max", attribute.max());
        if (attribute.min() != null && attribute.max() != null
                && new BigDecimal(attribute.min().toString()).compareTo(new BigDecimal(attribute.max().toString())) >= 0) {
            throw Errors.attributeValueInvalid("Minimum value must be lesser than maximum value");
        }
        if (attribute.format() == AttributeFormat.ENUM) {
            checkElements(attribute.elements());
        }
        if (attribute.xdefault() != null) {
            if (attribute.required()) {
                throw Errors.attributeDefaultUnsupported("Cannot set default value for required attribute");
            }
            if (attribute.array()) {
                throw Errors.attributeDefaultUnsupported("Cannot set default value for array attributes");
            }
            if (attribute.format() == AttributeFormat.ENUM && !attribute.elements().contains(attribute.xdefault())) {
                throw Errors.attributeValueInvalid("Default value not found in elements");
            }
            checkDefaultValue(attribute);
        }
    }

    /** A float range's ends are JSON numbers in Appwrite: NaN and the infinities are not. */
    static void checkBound(String param, Number bound) {
        if (bound != null && !Double.isFinite(bound.doubleValue())) {
            throw Errors.invalidParam(param, "Value must be a valid float");
        }
    }

    private static void checkElements(List<String> elements) {
        if (elements == null || elements.isEmpty() || elements.size() > MAX_ENUM_ELEMENTS) {
            throw Errors.invalidParam("elements", "Value must a valid array no longer than " + MAX_ENUM_ELEMENTS
                    + " items and Value must be a valid string and at least 1 chars and no longer than "
                    + MAX_ENUM_ELEMENT_LENGTH + " chars");
        }
        for (String element : elements) {
            if (element == null || element.isEmpty() || element.codePointCount(0, element.length()) > MAX_ENUM_ELEMENT_LENGTH) {
                throw Errors.invalidParam("elements", "Value must a valid array no longer than " + MAX_ENUM_ELEMENTS
                        + " items and Value must be a valid string and at least 1 chars and no longer than "
                        + MAX_ENUM_ELEMENT_LENGTH + " chars");
            }
        }
    }

    /** A default must pass the same validation as a stored value: run it through the attribute's own schema. */
    private static void checkDefaultValue(AttributeDef attribute) {
        AttributeDef withoutDefault = new AttributeDef(attribute.key(), attribute.type(), attribute.format(), false,
                false, attribute.size(), attribute.min(), attribute.max(), null, attribute.elements(),
                attribute.createdAt(), attribute.updatedAt());
        Map<String, Object> data = new HashMap<>();
        data.put(attribute.key(), attribute.xdefault());
        try {
            new DocumentValidator(List.of(withoutDefault)).validate(data);
        } catch (QuireException e) {
            String message = e.getMessage();
            int description = message.indexOf(". ");
            throw Errors.attributeValueInvalid(description < 0 ? message : message.substring(description + 2));
        }
    }

    private static void checkLimits(AttributeDef attribute, List<AttributeDef> existing) {
        if (existing.size() + 1 + INTERNAL_COLUMNS > MAX_COLUMNS) {
            throw Errors.attributeLimitExceeded();
        }
        long width = INTERNAL_WIDTH + width(attribute);
        for (AttributeDef other : existing) {
            width += width(other);
        }
        if (width >= MAX_ROW_WIDTH) {
            throw Errors.attributeLimitExceeded();
        }
    }

    /** The bytes Appwrite counts for an attribute in a MariaDB row. */
    static long width(AttributeDef attribute) {
        if (attribute.array()) {
            return 20; // arrays are JSON columns, stored off-row
        }
        return switch (attribute.type()) {
            case VARCHAR -> attribute.size() > 255 ? attribute.size() * 4 + 2 : attribute.size() * 4 + 1;
            case TEXT, MEDIUMTEXT, LONGTEXT -> 20; // stored off-row, a pointer in the row
            case STRING -> {
                long size = attribute.size() == null ? 0 : attribute.size();
                if (size > 16_777_215) {
                    yield 12;
                } else if (size > 65_535) {
                    yield 11;
                } else if (size > 16_381) {
                    yield 10;
                } else if (size > 255) {
                    yield size * 4 + 2;
                }
                yield size * 4 + 1;
            }
            case INTEGER, BIGINT, FLOAT -> 8;
            case BOOLEAN -> 1;
            case DATETIME -> 7;
        };
    }
}
