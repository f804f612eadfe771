package dev.quire.internal.storage;

import dev.quire.query.QueryPlan;

/** Appwrite's paging defaults, for every list: 25 items from the start unless the queries say otherwise. */
public final class Paging {
    /** Appwrite's page size when no {@code limit} query is given. */
    public static final int DEFAULT_LIMIT = 25;

    private Paging() {
    }

    public static int limit(QueryPlan plan) {
        return plan.limit() == null ? DEFAULT_LIMIT : plan.limit();
    }

    public static int offset(QueryPlan plan) {
        return plan.offset() == null ? 0 : plan.offset();
    }
}
