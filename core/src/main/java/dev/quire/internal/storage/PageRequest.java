package dev.quire.internal.storage;

import dev.quire.query.Order;
import dev.quire.query.QueryNode;

import java.util.List;
import java.util.Set;

/**
 * One page to read from a table.
 *
 * @param select    attribute keys to return; empty for all
 * @param cursor    the cursor's row, or {@code null}
 * @param readRoles the caller's roles when rows must carry a {@code read} permission for one of them;
 *                  {@code null} when no row filter applies
 */
public record PageRequest(List<QueryNode> filters, List<Order> orders, boolean random, List<String> select,
                          StoredDocument cursor, boolean before, int limit, int offset, Set<String> readRoles) {
}
