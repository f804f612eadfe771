package dev.quire.benchmarks;

/** Where a benchmarked store keeps its data; comparisons use {@link #FILE}, the default. */
public enum Storage {
    /** A file, copied for each trial from a template built once per store and size. */
    FILE,
    /** In memory, loaded afresh for each trial ({@code -p storage=MEMORY}). */
    MEMORY
}
