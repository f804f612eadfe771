/**
 * JMH benchmarks of Quire's hot paths, each beside the same work done with raw JDBC on the same H2 (the
 * floor) and with Nitrite (the peer, from the {@code benchmarks-nitrite} module).
 *
 * <p>{@link dev.quire.benchmarks.DocumentStore} is the facade over the three stores; each benchmark class
 * has one body per operation and picks the store with {@code @Param store}. Run everything, merged into one
 * table, with {@code benchmarks/run.sh}; see {@code benchmarks/RESULTS.md}.
 */
package dev.quire.benchmarks;
