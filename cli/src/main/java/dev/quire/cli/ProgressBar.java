package dev.quire.cli;

import dev.quire.DataFiles;

import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error while a terminal watches; nothing at all when the output goes
 * to a pipe or a file, so scripts see only results.
 */
final class ProgressBar implements DataFiles.Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final boolean shown;
    private int lastPercent = -1;

    private ProgressBar(PrintWriter err, String label, boolean shown) {
        this.err = err;
        this.label = label;
        this.shown = shown;
    }

    /** A bar when a terminal is attached, else a progress that prints nothing. */
    static ProgressBar of(PrintWriter err, String label) {
        return new ProgressBar(err, label, System.console() != null);
    }

    @Override
    public void update(long done, long total) {
        if (!shown) {
            return;
        }
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
                + done + "/" + total);
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
