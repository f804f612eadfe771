package dev.quire.cli;

import dev.quire.DataFiles;
import dev.quire.Databases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code quire import STORE FILE}: JSON lines into a store, each collection all or nothing. */
@Command(name = "import", description = {"Read JSON lines (as export writes them) into a store, creating it if missing.",
        "A schema line is applied first; each collection's documents are written all or nothing.",
        "A malformed line stops the import with its number before anything is written."})
final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE")
    String store;

    @Parameters(index = "1", paramLabel = "FILE", description = "The JSON lines file to read.")
    Path file;

    @Override
    public void run() {
        StoreFiles.existing(file);
        try (Databases db = StoreFiles.openOrCreate(store)) {
            long count = DataFiles.importLines(db, file, ProgressBar.of(spec.commandLine().getErr(), "import"));
            spec.commandLine().getOut().println("imported " + count + (count == 1 ? " document" : " documents")
                    + " from " + file);
        }
    }
}
