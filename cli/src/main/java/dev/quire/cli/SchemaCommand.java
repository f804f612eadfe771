package dev.quire.cli;

import dev.quire.Databases;
import dev.quire.Schemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code quire schema apply|export STORE FILE}: the Appwrite CLI's {@code appwrite.json}. */
@Command(name = "schema", description = "Apply or write an Appwrite CLI appwrite.json.",
        subcommands = {SchemaCommand.Apply.class, SchemaCommand.Export.class})
final class SchemaCommand {
    @Command(name = "apply", description = {"Create what appwrite.json declares (legacy collections or 1.8 tables form),",
            "creating the store if missing. The whole file is checked first; applying twice changes nothing."})
    static final class Apply implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "STORE")
        String store;

        @Parameters(index = "1", paramLabel = "FILE", description = "An appwrite.json.")
        Path file;

        @Override
        public void run() {
            StoreFiles.existing(file);
            try (Databases db = StoreFiles.openOrCreate(store)) {
                Schemas.apply(db, file);
                spec.commandLine().getOut().println("applied " + file);
            }
        }
    }

    @Command(name = "export", description = "Write the store's databases, collections, attributes and indexes as appwrite.json.")
    static final class Export implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "STORE")
        String store;

        @Parameters(index = "1", paramLabel = "FILE", description = "The appwrite.json to write.")
        Path file;

        @Option(names = "--legacy", description = "Write the legacy form (databases, collections, attributes) "
                + "instead of Appwrite 1.8's (tablesDB, tables, columns).")
        boolean legacy;

        @Override
        public void run() {
            try (Databases db = StoreFiles.openExisting(store)) {
                Schemas.export(db, file, legacy ? Schemas.Form.COLLECTIONS : Schemas.Form.TABLES);
                spec.commandLine().getOut().println("wrote " + file);
            }
        }
    }
}
