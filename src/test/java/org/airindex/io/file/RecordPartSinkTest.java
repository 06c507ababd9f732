package org.airindex.io.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordPartSinkTest {
    @TempDir
    Path dir;

    @Test
    void aBatchJobsRecordsComeBackWholeAndInOrderPerSubject() throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false); // as replay runs
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);
        List<String> places = IntStream.range(0, 12).mapToObj(i -> "区, \"" + i + "\"").toList();
        List<Tuple2<String, Integer>> input = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            input.add(Tuple2.of(places.get(i % places.size()), i));
        }
        // Each key's records are numbered in the order its subtask produces them: the sink must keep it.
        DataStream<Tuple2<String, Integer>> keyed = env.fromData(input)
                .keyBy(t -> t.f0, Types.STRING)
                .process(new KeyedProcessFunction<String, Tuple2<String, Integer>, Tuple2<String, Integer>>() {
                    private transient ValueState<Integer> seen;

                    @Override
                    public void open(OpenContext context) {
                        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.INT));
                    }

                    @Override
                    public void processElement(Tuple2<String, Integer> t, Context ctx,
                            Collector<Tuple2<String, Integer>> out) throws Exception {
                        int n = seen.value() == null ? 0 : seen.value();
                        seen.update(n + 1);
                        out.collect(Tuple2.of(t.f0, n));
                    }
                })
                .returns(Types.TUPLE(Types.STRING, Types.INT));
        RecordPartSink<Tuple2<String, Integer>> sink = new RecordPartSink<>(dir, "values",
                keyed.getType().createSerializer(env.getConfig().getSerializerConfig()));
        keyed.sinkTo(sink);
        env.execute("record parts");

        List<Tuple2<String, Integer>> back = sink.read();
        assertEquals(input.size(), back.size());
        assertEquals(2, Files.list(dir).count(), "a part per subtask");
        for (String place : places) {
            assertEquals(IntStream.range(0, input.size() / places.size()).boxed().toList(),
                    back.stream().filter(t -> t.f0.equals(place)).map(t -> t.f1).toList(), place);
        }
    }

    @Test
    void noPartsMeansNoRecords() throws IOException {
        assertEquals(List.of(), new RecordPartSink<>(dir.resolve("missing"), "values", StringSerializer.INSTANCE)
                .read());
    }

    @Test
    void aPartCutShortIsRefusedNotReadAsFewerRecords() throws Exception {
        RecordPartSink<String> sink = new RecordPartSink<>(dir, "values", StringSerializer.INSTANCE);
        var writer = sink.writer(0);
        for (String s : List.of("a", "b", "c")) {
            writer.write(s, null);
        }
        writer.flush(true);
        writer.close();
        Path part = dir.resolve("values-0.bin");
        assertEquals(List.of("a", "b", "c"), sink.read());

        byte[] whole = Files.readAllBytes(part);
        Files.write(part, Arrays.copyOf(whole, whole.length - 1));
        IOException e = assertThrows(IOException.class, sink::read);
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
    }

    @Test
    void partsAreReadInSubtaskOrder() throws Exception {
        RecordPartSink<String> sink = new RecordPartSink<>(dir, "values", StringSerializer.INSTANCE);
        for (int subtask : new int[] {10, 2, 1}) {
            var writer = sink.writer(subtask);
            writer.write("from " + subtask, null);
            writer.flush(true);
            writer.close();
        }
        Files.writeString(dir.resolve("values-x.bin"), "stray");
        assertEquals(IntStream.of(1, 2, 10).mapToObj(i -> "from " + i).toList(), sink.read());
    }
}
