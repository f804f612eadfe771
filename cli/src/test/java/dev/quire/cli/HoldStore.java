package dev.quire.cli;

import dev.quire.Databases;

import java.nio.file.Path;

/** Holds a store open in its own process until its standard input closes: the other process in CliProcessTest. */
public final class HoldStore {
    private HoldStore() {
    }

    public static void main(String[] args) throws Exception {
        try (Databases db = Databases.open(Path.of(args[0]))) {
            db.list(null);
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to close the pipe
            }
        }
    }
}
