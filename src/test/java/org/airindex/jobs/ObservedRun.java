package org.airindex.jobs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.airindex.cli.Main;

/** A run of the job that a failure test can wait on, wherever it runs (a MiniCluster, a standalone cluster). */
interface ObservedRun {
    /** Restarts so far, over every job the run resumed. */
    long restarts() throws Exception;

    long failedCheckpoints() throws Exception;

    /** Checkpoints the current job completed; -1 while it cannot say. */
    long completedCheckpoints();

    default void awaitCheckpoints(int more) throws Exception {
        long target = completedCheckpoints() + more;
        await(more + " more checkpoints", () -> completedCheckpoints() >= target);
    }

    /** Waits for {@code condition}, failing with {@code what} if the job fails or time runs out. */
    void await(String what, BooleanSupplier condition) throws Exception;

    /**
     * {@code airindex stop --rest REST OPTIONS...}, as an operator runs it; the savepoint to resume from, as
     * it says.
     */
    static String airindexStop(String rest, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "stop";
        args[1] = "--rest";
        args[2] = rest;
        System.arraycopy(options, 0, args, 3, options.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.dispatch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new AssertionError("airindex stop failed (exit " + code + "): " + err.toString(StandardCharsets.UTF_8));
        }
        String said = out.toString(StandardCharsets.UTF_8).strip();
        return said.substring(said.indexOf("--from-savepoint ") + "--from-savepoint ".length());
    }
}
