package org.airindex.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A command of the airindex jar, declared with picocli's {@code @Command}. It prints to the streams it is
 * given and returns its exit status instead of exiting, so that tests run it in-process.
 */
abstract class Subcommand implements Callable<Integer> {
    /** Exit status: the command had a problem with some input rows. */
    static final int BAD_ROWS = 1;
    /** Exit status: the arguments, or the files they name, cannot be used at all; picocli's for usage errors. */
    static final int USAGE = CommandLine.ExitCode.USAGE;

    final PrintStream out;
    final PrintStream err;

    Subcommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * A phase of work that may take minutes (a replay, a report), for someone watching a terminal; tests and
     * pipes, which read what the command prints, get none of it.
     */
    void progress(String phase) {
        if (System.console() != null) {
            err.println(getClass().getAnnotation(CommandLine.Command.class).name() + ": " + phase + " ...");
        }
    }
}
