package dev.quire.cli;

import dev.quire.DataFiles;
import dev.quire.Databases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code quire export STORE FILE}: the schema and every document as JSON lines. */
@Command(name = "export", description = {"Write the schema (first line) and every document (one per line) as JSON lines.",
        "Documents are in Appwrite's shape, with $databaseId and $collectionId."})
final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE")
    String store;

    @Parameters(index = "1", paramLabel = "FILE", description = "The JSON lines file to write, e.g. all.jsonl.")
    Path file;

    @Override
    public void run() {
        try (Databases db = StoreFiles.openExisting(store)) {
            long count = DataFiles.exportLines(db, file, ProgressBar.of(spec.commandLine().getErr(), "export"));
            spec.commandLine().getOut().println("exported " + count + (count == 1 ? " document" : " documents")
                    + " to " + file);
        }
    }
}
