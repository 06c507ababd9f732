package org.airindex.alerts;

import static org.airindex.alerts.AlertFixtures.RULES;
import static org.airindex.alerts.AlertFixtures.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.airindex.domain.Period;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.province.GapEntry;
import org.airindex.domain.province.ProvinceAverages;
import org.airindex.domain.province.RankingEntry;
import org.airindex.pipeline.Keys;
import org.airindex.pipeline.RuleChoice;
import org.airindex.records.ProvinceReport;

/** Month-to-date reports built by hand: provincial averages, two of 25 counties' rankings, gaps. */
class TargetAlertsTest {
    private static final String X = "山西省/太原市/小店区";
    private static final String Y = "山西省/阳泉市/城区";
    private static final ProvinceAverages AVG = new ProvinceAverages(4.0, 40.0, -5.0, -6.0, 25);

    private KeyedOneInputStreamOperatorTestHarness<Integer, ProvinceReport, AlertEvent> h;

    @BeforeEach
    void open() throws Exception {
        // No scheme file: the jar's default scheme, bottom_n [10, 20].
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new TargetAlerts(RULES, RuleChoice.automatic(ZONE), null), r -> Keys.province(r.province, r.kind),
                Types.INT);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private static ProvinceReport report(String asOf, String kind) {
        ProvinceReport r = new ProvinceReport();
        r.province = "山西省";
        r.kind = kind;
        r.period = "2026-11";
        r.asOf = asOf;
        r.asOfEnd = RuleChoice.automatic(ZONE).dayEnd(LocalDate.parse(asOf));
        r.averages = AVG;
        r.rankings = new ArrayList<>();
        r.gaps = new ArrayList<>();
        return r;
    }

    /** A county's composite and PM2.5 with their change rates; composite rank of 25 with its bottom N. */
    private static void county(ProvinceReport r, String place, double composite, double compositeChange, double pm25,
            double pm25Change, int compositeRank, Integer bottomOf) {
        r.rankings.add(new RankingEntry(r.province, r.period, "composite", compositeRank, place, composite, 25, bottomOf));
        r.rankings.add(new RankingEntry(r.province, r.period, "composite_change", 1, place, compositeChange, 25, null));
        r.rankings.add(new RankingEntry(r.province, r.period, "pm25", 1, place, pm25, 25, null));
        r.rankings.add(new RankingEntry(r.province, r.period, "pm25_change", 1, place, pm25Change, 25, null));
    }

    private void send(ProvinceReport r) throws Exception {
        h.processElement(r, r.asOfEnd);
        h.processWatermark(r.asOfEnd);
    }

    private List<String> brief() {
        return h.extractOutputValues().stream().map(e -> e.type() + " " + e.place() + " " + e.phase() + " "
                + e.levelName() + " " + e.at()).toList();
    }

    private static long end(String date) {
        return RuleChoice.automatic(ZONE).dayEnd(LocalDate.parse(date));
    }

    @Test
    void fineRiskAndBottomNOpenEscalateAndCloseWithTheGapInTheMessage() throws Exception {
        ProvinceReport d1 = report("2026-11-05", Period.MONTH);
        county(d1, X, 4.5, -2.0, 45, -10.0, 21, 10);   // composite worse on both, PM2.5 on the value only
        county(d1, Y, 3.5, -8.0, 35, -7.0, 5, null);   // better on everything
        d1.gaps.add(new GapEntry(X, "2026-11", "composite", "leave_bottom_10", 4.5, 4.2, 0.3, 3.9));
        d1.gaps.add(new GapEntry(X, "2026-11", "composite", "provincial_average", 4.5, 3.96, 0.54, 3.5));
        send(d1);
        ProvinceReport d2 = report("2026-11-06", Period.MONTH);
        county(d2, X, 4.4, -2.0, 45, -10.0, 14, 20);   // bottom 20 only: a lower level, no event
        county(d2, Y, 3.5, -8.0, 35, -7.0, 5, null);
        send(d2);
        ProvinceReport d3 = report("2026-11-07", Period.MONTH);
        county(d3, X, 3.9, -6.0, 45, -3.0, 8, 20);     // composite clear from 11-07; PM2.5 now worse on both
        county(d3, Y, 3.5, -8.0, 35, -7.0, 5, null);
        send(d3);
        ProvinceReport d4 = report("2026-11-08", Period.MONTH);
        county(d4, X, 3.9, -6.0, 45, -3.0, 4, null);   // out of every bottom N; composite clear for 2 days
        county(d4, Y, 3.5, -8.0, 35, -7.0, 5, null);
        send(d4);
        assertEquals(List.of(
                "fine_risk.composite " + X + " open both " + end("2026-11-05"),
                "fine_risk.pm25 " + X + " open one " + end("2026-11-05"),
                "bottom_n.composite " + X + " open bottom_10 " + end("2026-11-05"),
                "fine_risk.pm25 " + X + " escalate both " + end("2026-11-07"),
                "fine_risk.composite " + X + " close both " + end("2026-11-08"),
                "bottom_n.composite " + X + " close bottom_10 " + end("2026-11-08")), brief());
        List<AlertEvent> events = h.extractOutputValues();
        AlertEvent bottom = events.get(2);
        assertTrue(bottom.messageZh().contains("后10名") && bottom.messageZh().contains("4.2")
                && bottom.messageZh().contains("0.3"), bottom.messageZh());
        assertTrue(bottom.messageEn().contains("must reach 4.2 (down 0.3)"), bottom.messageEn());
        assertTrue(events.get(0).messageEn().contains("must fall by 0.54"), events.get(0).messageEn());
        assertEquals(end("2026-11-04"), events.get(0).start(), "the standing of 11-05 holds from its start");
        assertEquals(end("2026-11-06"), events.get(4).end(), "clear since the start of 11-07");
        assertEquals(end("2026-11-07"), events.get(5).end());
    }

    @Test
    void aReissuedReportThatPutsACountyInTheBottomOpensItsAlert() throws Exception {
        ProvinceReport first = report("2026-11-05", Period.MONTH);
        county(first, Y, 3.5, -8.0, 35, -7.0, 12, null);
        send(first);
        assertEquals(List.of(), h.extractOutputValues());
        // A corrected place value re-issues the day's report, now with Y in the bottom 20.
        ProvinceReport corrected = report("2026-11-05", Period.MONTH);
        county(corrected, Y, 3.9, -8.0, 35, -7.0, 16, 20);
        h.processElement(corrected, corrected.asOfEnd);
        assertEquals(List.of("bottom_n.composite " + Y + " open bottom_20 " + end("2026-11-05")), brief());
    }

    @Test
    void withNoMorePlacesThanNBeingInTheBottomNSaysNothing() throws Exception {
        ProvinceReport r = report("2026-11-05", Period.MONTH);
        r.rankings.add(new RankingEntry(r.province, r.period, "composite", 8, X, 4.0, 8, 10));
        send(r);
        assertEquals(List.of(), h.extractOutputValues());
    }

    @Test
    void yearToDateReportsAreNotMonthToDateTargets() throws Exception {
        ProvinceReport ytd = report("2026-11-05", Period.YEAR_TO_DATE);
        county(ytd, X, 4.5, -2.0, 45, -10.0, 21, 10);
        send(ytd);
        assertEquals(List.of(), h.extractOutputValues());
    }
}
