package dev.quire.cli;

import dev.quire.Databases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quire backup STORE COPY}: a consistent, compacted copy through {@link Databases#backup}. */
@Command(name = "backup", description = "Write a consistent, compacted copy of a store; the copy must not exist yet.")
final class BackupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE")
    String store;

    @Parameters(index = "1", paramLabel = "COPY", description = "The copy's file, e.g. copy.mv.db.")
    String copy;

    @Override
    public void run() {
        try (Databases db = StoreFiles.openExisting(store)) {
            db.backup(StoreFiles.base(copy));
            spec.commandLine().getOut().println("backed up " + StoreFiles.file(store) + " to " + StoreFiles.file(copy));
        }
    }
}
