package org.airindex.pipeline;

import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;

/**
 * How far an operator knows event time to have come: the highest watermark it has seen, kept in
 * checkpoints. Flink does not checkpoint watermarks, so after a restore the watermark is
 * {@code Long.MIN_VALUE} until the sources send one; an operator that decides by the watermark uses
 * this floor until the watermark catches up, and decides as it did before the failure.
 *
 * <p>Each subtask's floor goes into union state; on restore (with any parallelism) every subtask takes
 * the lowest, which no key's watermark was below when the checkpoint was taken.
 */
public final class WatermarkFloor {
    private long floor = Long.MIN_VALUE;
    private ListState<Long> state;

    /** From {@code CheckpointedFunction.initializeState}. */
    public void initialize(FunctionInitializationContext context) throws Exception {
        state = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("final-through", Types.LONG));
        floor = Long.MIN_VALUE;
        if (context.isRestored()) {
            Long lowest = null;
            for (Long w : state.get()) {
                lowest = lowest == null ? w : Math.min(lowest, w);
            }
            floor = lowest == null ? Long.MIN_VALUE : lowest;
        }
    }

    /** From {@code CheckpointedFunction.snapshotState}. */
    public void snapshot() throws Exception {
        state.update(List.of(floor));
    }

    /** The watermark, or the floor while the watermark is behind it; remembers a higher watermark. */
    public long watermark(long current) {
        // The end of a bounded input (Long.MAX_VALUE) is no progress of event time to remember.
        if (current > floor && current != Long.MAX_VALUE) {
            floor = current;
        }
        return Math.max(current, floor);
    }
}
