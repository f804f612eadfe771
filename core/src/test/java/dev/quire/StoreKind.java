package dev.quire;

import java.nio.file.Path;

/** The two ways to open a store; specifications run over both, as Caffeine's run over every cache kind. */
public enum StoreKind {
    IN_MEMORY {
        @Override
        public Databases open(Path directory) {
            return Databases.inMemory();
        }
    },
    FILE {
        @Override
        public Databases open(Path directory) {
            return Databases.open(directory.resolve("store"));
        }
    };

    /** Opens a fresh, empty store; a file store lives in {@code directory}. */
    public abstract Databases open(Path directory);
}
