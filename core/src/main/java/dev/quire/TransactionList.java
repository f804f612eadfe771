package dev.quire;

import java.util.List;

/** A page of staged transactions, with the total number that matched the filters. Immutable. */
public final class TransactionList {
    private final long total;
    private final List<Transaction> items;

    TransactionList(long total, List<Transaction> items) {
        this.total = total;
        this.items = List.copyOf(items);
    }

    /** @return how many transactions matched the filters in all, not only on this page */
    public long getTotal() {
        return total;
    }

    /** @return the transactions on this page */
    public List<Transaction> getTransactions() {
        return items;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionList l && total == l.total && items.equals(l.items);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(total) * 31 + items.hashCode();
    }

    @Override
    public String toString() {
        return "TransactionList{total=" + total + ", transactions=" + items + "}";
    }
}
