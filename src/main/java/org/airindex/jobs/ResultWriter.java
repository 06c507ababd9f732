package org.airindex.jobs;

import java.io.Serializable;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.airindex.io.influx.Replace;
import org.airindex.io.influx.ResultLines;
import org.airindex.pipeline.WatermarkFloor;

/**
 * Turns results into InfluxDB lines for the sink, preceded by the {@link Replace}s of a recomputed one.
 *
 * <p>A result is a recomputation when its window had closed before it arrived: a window's first result
 * is emitted as the watermark passes its end, before that watermark reaches this operator; a correction
 * comes after it. An operator rather than a function because it must see every watermark, so that the
 * watermark it keeps in checkpoints (and uses after a restore until a new one arrives) is the latest.
 */
final class ResultWriter<T> extends AbstractStreamOperator<String> implements OneInputStreamOperator<T, String> {
    private static final long serialVersionUID = 1L;

    /** Result to lines; a functional interface of our own so Flink sees a serializable function. */
    @FunctionalInterface
    interface Mapper<T> extends Serializable {
        ResultLines lines(T value);
    }

    private final Mapper<T> mapper;
    private transient WatermarkFloor watermark;
    private transient long current;

    ResultWriter(Mapper<T> mapper) {
        this.mapper = mapper;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        watermark = new WatermarkFloor();
        watermark.initialize(context);
        current = watermark.watermark(Long.MIN_VALUE);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        watermark.snapshot();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        current = watermark.watermark(mark.getTimestamp());
        super.processWatermark(mark);
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        ResultLines result = mapper.lines(element.getValue());
        if (result.lines().isEmpty()) {
            return;
        }
        if (result.endMillis() <= current) {
            result.replaces().forEach(r -> output.collect(new StreamRecord<>(r.line())));
        }
        result.lines().forEach(line -> output.collect(new StreamRecord<>(line)));
    }
}
