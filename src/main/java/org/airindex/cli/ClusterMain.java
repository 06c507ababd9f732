package org.airindex.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Entry class of the cluster jar ({@code flink run}, application mode, the Kubernetes operator): the
 * streaming job's {@code run} command with its options ({@code --config F [--from-savepoint P]}).
 *
 * <p>There {@code main} runs inside the Flink client or the JobManager, so unlike {@link Main} it never
 * calls {@code System.exit}, which would take the JobManager down with it; a failure is thrown, for
 * Flink to report as the application's failure.
 */
public final class ClusterMain {
    private ClusterMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = Main.execute(new RunCommand(false, out, err), args);
        if (code != 0) {
            throw new IllegalStateException("airindex run " + String.join(" ", Arrays.asList(args))
                    + " failed with exit code " + code + " (the reason is printed above)");
        }
    }
}
