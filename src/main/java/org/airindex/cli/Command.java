package org.airindex.cli;

import java.io.PrintStream;

/** A subcommand of the airindex jar; returns its exit status instead of exiting so tests can run it in-process. */
public interface Command {
    /** Exit status: the command had a problem with some input rows. */
    int BAD_ROWS = 1;
    /** Exit status: the arguments (or the files they name) cannot be used at all. */
    int USAGE = 2;

    /** @param args the arguments after the subcommand name */
    int run(String[] args, PrintStream out, PrintStream err);

    /** One line for the list of subcommands. */
    String summary();
}
