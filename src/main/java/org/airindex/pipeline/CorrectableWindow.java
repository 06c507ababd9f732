package org.airindex.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.MapTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The event-time pattern every aggregation level shares (station hour, place hour, station day,
 * place day): inputs are grouped by the end of the window they belong to; a window closes when
 * the watermark passes its end; an input for a closed window that is still within the allowed
 * lateness recomputes and re-emits it (sinks rewrite the same point); a later one is handed to
 * {@link #onTooLate}. A window's state is dropped when its lateness expires.
 *
 * <p>Inputs are kept by an id within their window, so a re-sent or corrected input replaces (or
 * is {@linkplain #merge merged} into) the earlier one instead of being counted twice. Subclasses
 * see a window's inputs in id order, so results do not depend on arrival order.
 */
public abstract class CorrectableWindow<IN, OUT> extends KeyedProcessFunction<Integer, IN, OUT>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    private final Class<IN> inputClass;
    protected final long latenessMs;
    /**
     * Window end → the window's inputs by id. Keyed by window so that closing or expiring one is a
     * lookup, not a scan: in batch (replay) a key's whole history sits in state until its timers fire.
     */
    private transient MapState<Long, Map<String, IN>> windows;
    private transient Counter tooLateInputs;
    /** How far this subtask's windows are known to be final, across restores. */
    private transient WatermarkFloor finalThrough;

    protected CorrectableWindow(Class<IN> inputClass, long latenessMs) {
        this.inputClass = inputClass;
        this.latenessMs = latenessMs;
    }

    /** End of the window the input belongs to, epoch milliseconds. */
    protected abstract long windowEnd(IN in);

    /** Identifies the input within its window: a later input with the same id replaces it. */
    protected abstract String inputId(IN in);

    /** The result of a window from its inputs (never empty), in id order. */
    protected abstract OUT close(long windowEnd, List<IN> inputs) throws Exception;

    protected IN merge(IN earlier, IN later) {
        return later;
    }

    /**
     * The inputs a closing window may use, by default all. A subclass sets aside (as dead letters) those
     * it can no longer use, e.g. kept in state across a restore that changed what is known; a window
     * left with none emits nothing.
     */
    protected List<IN> usable(List<IN> inputs, Context ctx) {
        return inputs;
    }

    /**
     * Whether the input only stands for "this window is expected": it opens a window that no other input
     * opened, so that the window closes all the same, and is dropped where another input is there (or
     * the window has expired) without counting as too late.
     */
    protected boolean isPlaceholder(IN in) {
        return false;
    }

    /** By default a too-late input is counted ({@code tooLateInputs}) and not used. */
    protected void onTooLate(IN in, long watermark, Context ctx) {
        tooLateInputs.inc();
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        windows = getRuntimeContext().getMapState(new MapStateDescriptor<>("windows", Types.LONG,
                new MapTypeInfo<>(Types.STRING, TypeInformation.of(inputClass))));
        tooLateInputs = getRuntimeContext().getMetricGroup().counter("tooLateInputs");
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        finalThrough = new WatermarkFloor();
        finalThrough.initialize(context);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        finalThrough.snapshot();
    }

    /**
     * The watermark, or the floor restored from the checkpoint while the watermark is behind it: without
     * it an input that was too late before a failure would re-open an expired window and overwrite its
     * finished result with a part.
     */
    private long watermark(Context ctx) {
        return finalThrough.watermark(ctx.timerService().currentWatermark());
    }

    @Override
    public void processElement(IN in, Context ctx, Collector<OUT> out) throws Exception {
        long end = windowEnd(in);
        long watermark = watermark(ctx);
        if (isPlaceholder(in) && (end + latenessMs <= watermark || windows.contains(end))) {
            return;
        }
        if (end + latenessMs <= watermark) {
            onTooLate(in, watermark, ctx);
            return;
        }
        Map<String, IN> inputs = windows.get(end);
        if (inputs == null) {
            inputs = new HashMap<>();
            ctx.timerService().registerEventTimeTimer(end + latenessMs);
            if (end > watermark) {
                ctx.timerService().registerEventTimeTimer(end);
            }
        }
        String id = inputId(in);
        IN earlier = inputs.get(id);
        inputs.put(id, earlier == null ? in : merge(earlier, in));
        windows.put(end, inputs);
        if (end <= watermark) {
            emit(end, inputs, ctx, out);
        }
    }

    /**
     * A timer at t may close the window ending at t, expire the one ending at t - lateness, or
     * both (when they coincide); doing whichever applies makes the distinction unnecessary.
     */
    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<OUT> out) throws Exception {
        watermark(ctx);
        Map<String, IN> closing = windows.get(t);
        if (closing != null) {
            emit(t, closing, ctx, out);
        }
        windows.remove(t - latenessMs);
        if (windows.isEmpty()) {
            windows.clear(); // drops the key's (empty) map itself
        }
    }

    private void emit(long end, Map<String, IN> inputs, Context ctx, Collector<OUT> out) throws Exception {
        List<IN> use = usable(sorted(inputs), ctx);
        if (!use.isEmpty()) {
            out.collect(close(end, use));
        }
    }

    private static <IN> List<IN> sorted(Map<String, IN> inputs) {
        return new ArrayList<>(new TreeMap<>(inputs).values());
    }
}
