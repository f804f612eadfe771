package dev.quire.cli;

import dev.quire.Databases;

import java.nio.file.Files;
import java.nio.file.Path;

/** Store paths as users type them: {@code data/app.mv.db} or {@code data/app}. */
final class StoreFiles {
    static final String EXTENSION = ".mv.db";

    private StoreFiles() {
    }

    /** The path {@link Databases#open(Path)} takes: without {@code .mv.db}. */
    static Path base(String argument) {
        return Path.of(argument.endsWith(EXTENSION) ? argument.substring(0, argument.length() - EXTENSION.length())
                : argument);
    }

    /** The store's file, {@code base.mv.db}. */
    static Path file(String argument) {
        Path base = base(argument);
        return base.resolveSibling(base.getFileName() + EXTENSION);
    }

    /** Opens a store that must exist: looking inside a file must not create one. */
    static Databases openExisting(String argument) {
        Path file = file(argument);
        if (!Files.isRegularFile(file)) {
            throw new Main.CommandFailure("no Quire store at " + file);
        }
        return Databases.open(base(argument));
    }

    /** A file the command reads: its absence is the user's mistake, said in one line. */
    static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Main.CommandFailure("no file " + file);
        }
        return file;
    }

    /** Opens a store, creating it when missing (import and schema apply fill new stores). */
    static Databases openOrCreate(String argument) {
        return Databases.open(base(argument));
    }
}
