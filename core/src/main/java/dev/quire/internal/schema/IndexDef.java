package dev.quire.internal.schema;

import dev.quire.IndexType;

import java.util.List;

/**
 * One index as stored in the metadata tables.
 *
 * @param orders     {@code ASC}/{@code DESC} per attribute
 * @param lengths    prefix length per attribute, 0 for none
 * @param sqlName    the name of the H2 index (or full-text structure) that backs it
 */
public record IndexDef(String key, IndexType type, List<String> attributes, List<String> orders, List<Integer> lengths,
                       String sqlName, String createdAt, String updatedAt) {
    public IndexDef {
        attributes = List.copyOf(attributes);
        orders = List.copyOf(orders);
        lengths = List.copyOf(lengths);
    }
}
