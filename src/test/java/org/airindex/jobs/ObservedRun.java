package org.airindex.jobs;

import java.util.function.BooleanSupplier;

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
}
