package org.airindex.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** The history of one key, driven by commands ("put T V", "prune T", "latest T") in a keyed harness. */
class HourlyHistoryTest {
    private static final long HOUR = 3_600_000L;

    static class Commands extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient HourlyHistory<Integer> history;

        @Override
        public void open(OpenContext openContext) {
            history = new HourlyHistory<>(getRuntimeContext(), "h", Types.INT);
        }

        @Override
        public void processElement(String command, Context ctx, Collector<String> out) throws Exception {
            String[] c = command.split(" ");
            long t = Instant.parse(c[1]).toEpochMilli();
            switch (c[0]) {
                case "put" -> history.put(t, Integer.parseInt(c[2]));
                case "prune" -> history.pruneBefore(t);
                case "latest" -> {
                    Long h = history.latestBefore(t, v -> v > 0);
                    out.collect(h == null ? "none" : Instant.ofEpochMilli(h).toString());
                }
                default -> {
                    Integer v = history.get(t);
                    out.collect(v == null ? "none" : v.toString());
                }
            }
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new Commands(), c -> "k", Types.STRING);
    }

    private static List<String> run(String... commands) throws Exception {
        try (var h = harness()) {
            for (String c : commands) {
                h.processElement(c, 0L);
            }
            return h.extractOutputValues();
        }
    }

    @Test
    void theLatestEarlierHourWithAValue() throws Exception {
        assertEquals(List.of("2026-01-10T08:00:00Z", "none", "none"), run(
                "put 2026-01-10T08:00:00Z 5", "put 2026-01-10T09:00:00Z 0", "put 2026-01-10T10:00:00Z 7",
                "latest 2026-01-10T10:00:00Z", "latest 2026-01-10T08:00:00Z", "latest 2026-01-01T00:00:00Z"));
    }

    /** One hour left far behind (a clock reset) is neither walked back to nor pruned one hour at a time. */
    @Test
    void anHourFarBehindIsNotLookedBackToAndIsPrunedInOnePass() throws Exception {
        assertEquals(List.of("none", "2025-03-01T00:00:00Z"), run(
                "put 2001-01-01T00:00:00Z 9", "put 2026-01-10T10:00:00Z 7",
                "latest 2026-01-10T10:00:00Z",
                "put 2025-03-01T00:00:00Z 3", "latest 2026-01-10T10:00:00Z"));
        assertEquals(List.of("none", "none", "3", "7", "none"), run(
                "put 2001-01-01T00:00:00Z 9", "put 2025-03-01T00:00:00Z 3", "put 2026-01-10T10:00:00Z 7",
                "prune 2025-01-01T00:00:00Z",
                "get 2001-01-01T00:00:00Z", "latest 2025-03-01T00:00:00Z",
                "get 2025-03-01T00:00:00Z", "get 2026-01-10T10:00:00Z",
                "prune 2026-01-11T00:00:00Z", "get 2026-01-10T10:00:00Z"));
    }

    @Test
    void pruningStepsThroughNearbyHours() throws Exception {
        long base = Instant.parse("2026-01-10T00:00:00Z").toEpochMilli();
        String[] commands = new String[30];
        for (int i = 0; i < 24; i++) {
            commands[i] = "put " + Instant.ofEpochMilli(base + i * HOUR) + " " + (i + 1);
        }
        commands[24] = "prune " + Instant.ofEpochMilli(base + 20 * HOUR);
        commands[25] = "get " + Instant.ofEpochMilli(base + 19 * HOUR);
        commands[26] = "get " + Instant.ofEpochMilli(base + 20 * HOUR);
        commands[27] = "latest " + Instant.ofEpochMilli(base + 20 * HOUR);
        commands[28] = "prune " + Instant.ofEpochMilli(base + 30 * HOUR);
        commands[29] = "get " + Instant.ofEpochMilli(base + 23 * HOUR);
        assertEquals(List.of("none", "21", "none", "none"), run(commands));
    }
}
