package dev.quire.cli;

import dev.quire.QuireException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;

/**
 * The {@code quire} command: look inside a store file, query it, move its documents in and out as JSON lines,
 * apply or write an {@code appwrite.json}, and back it up.
 *
 * <pre>
 * java -jar cli/target/quire.jar inspect data/app.mv.db
 * java -jar cli/target/quire.jar query data/app.mv.db app movies 'equal("year", [2009])' --json
 * java -jar cli/target/quire.jar schema apply data/app.mv.db appwrite.json
 * java -jar cli/target/quire.jar export data/app.mv.db all.jsonl
 * java -jar cli/target/quire.jar backup data/app.mv.db copy.mv.db
 * </pre>
 *
 * <p>Exit status 0 on success; 1 with one line on standard error when the work fails, 2 when the command
 * line is wrong. {@code --verbose} adds the stack trace.
 */
@Command(name = "quire", mixinStandardHelpOptions = true, version = "quire 0.1.0",
        description = "Look inside, query, import, export and back up a Quire store file (STORE.mv.db).",
        subcommands = {InspectCommand.class, QueryCommand.class, ExportCommand.class, ImportCommand.class,
                SchemaCommand.class, BackupCommand.class})
public final class Main {
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean verbose;

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            // Read once, when the first logger is made: before any Quire class logs.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command with the given output streams and returns its exit status (for tests and embedding).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine commandLine = new CommandLine(main);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("quire: " + oneLine(e.getMessage()) + " (see: "
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            err.println("quire: " + oneLine(e instanceof QuireException || e instanceof CommandFailure
                    ? e.getMessage() : e.toString()));
            if (main.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** A failure the command explains itself, without a stack trace. */
    static final class CommandFailure extends RuntimeException {
        CommandFailure(String message) {
            super(message);
        }
    }
}
