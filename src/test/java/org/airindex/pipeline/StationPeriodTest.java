package org.airindex.pipeline;

import static org.airindex.pipeline.Fixtures.ZONE;
import static org.airindex.pipeline.Fixtures.at;
import static org.airindex.pipeline.Fixtures.since;
import static org.airindex.pipeline.Fixtures.stationDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.airindex.records.DailyValue;
import org.airindex.records.PeriodValue;

class StationPeriodTest {
    private static KeyedOneInputStreamOperatorTestHarness<Integer, DailyValue, PeriodValue> harness() throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new StationPeriod(RuleChoice.automatic(ZONE), Duration.ofHours(6)),
                (DailyValue d) -> Keys.station(d.station), Types.INT);
        ((SerializerConfigImpl) h.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        return h;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<Integer, DailyValue, PeriodValue> h,
            DailyValue d) throws Exception {
        h.processElement(d, d.dayEnd);
    }

    private static DailyValue day(String date, double pm25) {
        return stationDay("A1", date, 10.0, 30.0, 0.5, 50.0, pm25, 100.0, 120.0);
    }

    @Test
    void theStationsMonthToDateAsOfEachDay() throws Exception {
        try (var h = harness()) {
            send(h, day("2026-08-01", 40.0));
            send(h, day("2026-08-02", 50.0));
            List<PeriodValue> out = h.extractOutputValues();
            assertEquals(2, out.size());
            PeriodValue v = out.get(1);
            assertEquals("station", v.level);
            assertEquals("A1", v.station);
            assertEquals("小店区", v.county);
            assertEquals("太原市", v.city);
            assertEquals("山西省", v.province);
            assertEquals("month", v.kind);
            assertEquals("2026-08", v.period);
            assertEquals("2026-08-02", v.asOf);
            assertEquals(at("2026-08-03T00:00"), v.asOfEnd);
            assertEquals(45.0, v.pm25);
            // I = 10/60 + 30/40 + 50/60 + 45/30 + 0.5/4 + 100/160 = 4.0 (2026 rules: PM10 60, PM2.5 30).
            assertEquals(4.0, v.composite);
            assertNull(v.compositeLastYear);
        }
    }

    /** A corrected 1 August re-emits the month as of the 1st and the 2nd, and no other month. */
    @Test
    void aCorrectedDayReEmitsTheLaterDaysOfItsMonth() throws Exception {
        try (var h = harness()) {
            send(h, day("2026-07-31", 80.0));
            send(h, day("2026-08-01", 40.0));
            send(h, day("2026-08-02", 50.0));
            int before = h.extractOutputValues().size();
            send(h, day("2026-08-01", 20.0));
            List<PeriodValue> out = since(h, before);
            assertEquals(List.of("2026-08-01", "2026-08-02"), out.stream().map(v -> v.asOf).toList());
            assertEquals(20.0, out.get(0).pm25);
            assertEquals(35.0, out.get(1).pm25);
        }
    }

    /**
     * With the watermark in March only February's and March's days stay: a late 31 January finds January's
     * other days gone, so its month holds it alone. February stays while its last day can still be corrected
     * (6 hours into March, rounded up to a day), and goes when the watermark passes 2 March.
     */
    @Test
    void daysOfAMonthPastItsLatenessAreDropped() throws Exception {
        try (var h = harness()) {
            send(h, day("2026-01-30", 80.0));
            send(h, day("2026-02-27", 60.0));
            h.processWatermark(at("2026-03-02T00:00"));
            send(h, day("2026-03-01", 40.0));
            int before = h.extractOutputValues().size();
            send(h, day("2026-01-31", 20.0));
            PeriodValue jan = since(h, before).get(0);
            assertEquals("2026-01-31", jan.asOf);
            assertEquals(20.0, jan.pm25, "30 January was dropped");
            assertEquals(1, jan.validDays);
            before = h.extractOutputValues().size();
            send(h, day("2026-02-28", 40.0));
            assertEquals(50.0, since(h, before).get(0).pm25, "27 February was kept");

            h.processWatermark(at("2026-03-03T00:00"));
            send(h, day("2026-03-02", 40.0));
            before = h.extractOutputValues().size();
            send(h, day("2026-02-28", 30.0));
            assertEquals(30.0, since(h, before).get(0).pm25, "February's other days were dropped");
        }
    }

    /** A day dated ahead of the watermark (a wrong clock) does not drop the current month's days. */
    @Test
    void aDayDatedAheadKeepsTheMonth() throws Exception {
        try (var h = harness()) {
            send(h, day("2026-03-01", 40.0));
            h.processWatermark(at("2026-03-02T00:00"));
            send(h, day("2028-06-01", 10.0));
            int before = h.extractOutputValues().size();
            send(h, day("2026-03-02", 60.0));
            assertEquals(50.0, since(h, before).get(0).pm25);
        }
    }
}
