package org.airindex.pipeline;

import static org.airindex.pipeline.Fixtures.ZONE;
import static org.airindex.pipeline.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.airindex.domain.Period;
import org.airindex.domain.province.ContributionEntry;
import org.airindex.domain.province.GapEntry;
import org.airindex.domain.province.MoneyEntry;
import org.airindex.domain.province.RankingEntry;
import org.airindex.domain.province.SettlementNote;
import org.airindex.records.HourlyValue;
import org.airindex.records.PeriodValue;
import org.airindex.records.ProvinceReport;

class ProvinceComparisonsTest {
    private static final Duration LATENESS = Duration.ofDays(1);
    private static final String SCHEME = "conf/schemes/default.yaml";
    private static final String XIAODIAN = "山西省/太原市/小店区";
    private static final String YANGQUAN = "山西省/阳泉市/城区";
    private static final String JINCHENG = "山西省/晋城市/城区";
    /** End of 2026-03-10, the as-of day. */
    private static final long AS_OF_END = at("2026-03-11T00:00");

    private static KeyedOneInputStreamOperatorTestHarness<Integer, PeriodValue, ProvinceReport> harness(
            String baselines) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new ProvinceComparisons(RuleChoice.automatic(ZONE), SCHEME, baselines, LATENESS, List.of(5.0)),
                p -> Keys.province(p.province, p.kind), Types.INT);
    }

    private static PeriodValue county(String city, String county, String kind, double composite, double pm25,
            double compositeLastYear, double pm25LastYear) {
        PeriodValue v = new PeriodValue();
        v.level = HourlyValue.COUNTY;
        v.province = "山西省";
        v.city = city;
        v.county = county;
        v.kind = kind;
        v.period = kind.equals(Period.MONTH) ? "2026-03" : "2026-01..2026-03";
        v.asOf = "2026-03-10";
        v.asOfEnd = AS_OF_END;
        v.daysSoFar = kind.equals(Period.MONTH) ? 10 : 69;
        v.daysInPeriod = kind.equals(Period.MONTH) ? 31 : 365;
        v.composite = composite;
        v.pm25 = pm25;
        v.compositeLastYear = compositeLastYear;
        v.pm25LastYear = pm25LastYear;
        v.valid = true;
        v.validDays = v.daysSoFar;
        return v;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<Integer, PeriodValue, ProvinceReport> h,
            PeriodValue v) throws Exception {
        h.processElement(v, v.asOfEnd - 1);
    }

    // The three counties as of 2026-03-10 (PM2.5 compared as reported: 40.4 -> 40):
    //   小店区  composite 4.00, PM2.5 40; last year 5.00, 50 -> changes -20.0 %, -20.0 %
    //   阳泉 城区 composite 4.00, PM2.5 45; last year 4.00, 45 -> 0.0 %, 0.0 %
    //   晋城 城区 composite 5.00, PM2.5 50; last year 5.50, 55 -> -9.1 % (-9.09), -9.1 %
    // Provincial averages: composite (4+4+5)/3 = 4.3333; PM2.5 (40+45+50)/3 = 45;
    // improvement rates (mean of rates): (-20.0 + 0.0 - 9.1)/3 = -9.7 for both.
    private static void sendThree(KeyedOneInputStreamOperatorTestHarness<Integer, PeriodValue, ProvinceReport> h)
            throws Exception {
        send(h, county("太原市", "小店区", Period.MONTH, 4.00, 40.4, 5.00, 50.0));
        send(h, county("阳泉市", "城区", Period.MONTH, 4.00, 45.0, 4.00, 45.0));
        send(h, county("晋城市", "城区", Period.MONTH, 5.00, 50.0, 5.50, 55.0));
    }

    private static RankingEntry rank(ProvinceReport r, String metric, String place) {
        return r.rankings.stream().filter(e -> e.metric().equals(metric) && e.place().equals(place))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " rank for " + place));
    }

    private static MoneyEntry money(ProvinceReport r, String place, String indicator, String comparison) {
        return r.money.stream().filter(m -> m.place().equals(place) && m.indicator().equals(indicator)
                && m.comparison().equals(comparison)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + indicator + "/" + comparison + " for " + place));
    }

    @Test
    void oneReportWhenTheWatermarkPassesTheDayWithAveragesRankingsGapsAndMoney(@TempDir Path dir) throws Exception {
        try (var h = harness(baselines(dir).toString())) {
            sendThree(h);
            h.processWatermark(AS_OF_END - 1);
            assertTrue(h.extractOutputValues().isEmpty(), "the day's report waits for the day's end");
            h.processWatermark(AS_OF_END);
            List<ProvinceReport> out = h.extractOutputValues();
            assertEquals(1, out.size());
            ProvinceReport r = out.get(0);
            assertEquals("山西省", r.province);
            assertEquals("month", r.kind);
            assertEquals("2026-03", r.period);
            assertEquals("2026-03-10", r.asOf);
            assertEquals(AS_OF_END, r.asOfEnd);

            assertEquals(3, r.averages.places());
            assertEquals(13.0 / 3, r.averages.composite(), 1e-9);
            assertEquals(45.0, r.averages.pm25(), 1e-9, "from the reported 40, not 40.4 (would be 45.13)");
            assertEquals(-9.7, r.averages.compositeChange(), 1e-9);
            assertEquals(-9.7, r.averages.pm25Change(), 1e-9);

            // Composite: 4.00, 4.00, 5.00 -> 1, 1, 3.
            assertEquals(1, rank(r, "composite", XIAODIAN).rank());
            assertEquals(1, rank(r, "composite", YANGQUAN).rank());
            assertEquals(3, rank(r, "composite", JINCHENG).rank());
            assertEquals(3, rank(r, "composite", JINCHENG).of());
            // PM2.5: 40, 45, 50 -> 1, 2, 3; composite change -20.0, 0.0, -9.1 -> 1, 3, 2.
            assertEquals(1, rank(r, "pm25", XIAODIAN).rank());
            assertEquals(2, rank(r, "pm25", YANGQUAN).rank());
            assertEquals(40.0, rank(r, "pm25", XIAODIAN).value(), 1e-9);
            assertEquals(1, rank(r, "composite_change", XIAODIAN).rank());
            assertEquals(2, rank(r, "composite_change", JINCHENG).rank());
            assertEquals(3, rank(r, "composite_change", YANGQUAN).rank());
            assertEquals(-9.1, rank(r, "composite_change", JINCHENG).value(), 1e-9);
            // Bottom N of [10, 20] with 3 places: rank > 3 - 10 holds for all, so the smallest N, 10.
            assertEquals(10, rank(r, "composite", XIAODIAN).bottomOf());
            assertEquals(12, r.rankings.size(), "4 metrics x 3 places");

            // 晋城 城区 composite vs the average: it must fall below the others' mean (4+4)/2 = 4.0;
            // reduction 5.0 - 4.0 = 1.0; the remaining 21 days need (4.0*31 - 5.0*10)/21 = 74/21.
            GapEntry gap = r.gaps.stream().filter(g -> g.place().equals(JINCHENG) && g.indicator().equals("composite")
                    && g.target().equals("provincial_average")).findFirst().orElseThrow();
            assertEquals(4.0, gap.targetValue(), 1e-9);
            assertEquals(1.0, gap.reduction(), 1e-9);
            assertEquals(74.0 / 21, gap.dailyNeeded(), 1e-9);
            // Everyone is in the bottom 10 of 3: no value leaves it, so no leave_bottom gaps.
            assertTrue(r.gaps.stream().noneMatch(g -> g.target().startsWith("leave_bottom_")));

            // Money, default scheme, 4 comparisons x 3 places in scope.
            assertEquals(12, r.money.size());
            // 晋城 城区 composite 5.00 vs 4.3333: 0.6667 worse; tiers per 0.1 on the excess:
            // 0.2 * 50,000/0.1 + 0.3 * 100,000/0.1 + 0.1667 * 150,000/0.1 = 100,000 + 300,000 + 250,000.
            MoneyEntry m = money(r, JINCHENG, "composite", "average_value");
            assertEquals(-650_000.0, m.amountCny(), 1e-9);
            assertEquals(-65.0, m.amountWan(), 1e-9);
            assertTrue(m.illustrative());
            // 小店区 PM2.5 40 vs 45: 5 better, all within the first 5 µg/m³ at 100,000 -> +500,000 (published rule).
            MoneyEntry pm = money(r, XIAODIAN, "pm25", "average_value");
            assertEquals(500_000.0, pm.amountCny(), 1e-9);
            assertEquals(50.0, pm.amountWan(), 1e-9);
            assertFalse(pm.illustrative());
            // 小店区 composite change -20.0 vs -9.7: 10.3 points better * 20,000 = +206,000.
            assertEquals(206_000.0, money(r, XIAODIAN, "composite", "improvement_rate").amountCny(), 1e-9);
            // 阳泉 城区 change 0.0 vs -9.7: 9.7 points worse -> -194,000.
            assertEquals(-194_000.0, money(r, YANGQUAN, "composite", "improvement_rate").amountCny(), 1e-9);
        }
    }

    @Test
    void aCorrectedCountyValueReIssuesTheReport() throws Exception {
        try (var h = harness(null)) {
            sendThree(h);
            h.processWatermark(AS_OF_END);
            assertEquals(1, h.extractOutputValues().size());
            assertTrue(h.extractOutputValues().get(0).money.isEmpty(),
                    "without last year's annual results no county is in the scheme's scope");

            // 晋城 城区 corrected to 3.90: ranks 3.90, 4.00, 4.00 -> 1, 2, 2; average (4+4+3.9)/3 = 3.9667.
            send(h, county("晋城市", "城区", Period.MONTH, 3.90, 50.0, 5.50, 55.0));
            List<ProvinceReport> out = h.extractOutputValues();
            assertEquals(2, out.size());
            ProvinceReport r = out.get(1);
            assertEquals("2026-03-10", r.asOf);
            assertEquals(11.9 / 3, r.averages.composite(), 1e-9);
            assertEquals(3, r.averages.places(), "the corrected value replaces the first one");
            assertEquals(1, rank(r, "composite", JINCHENG).rank());
            assertEquals(2, rank(r, "composite", XIAODIAN).rank());
            assertEquals(2, rank(r, "composite", YANGQUAN).rank());
        }
    }

    @Test
    void yearToDateIsReportedSeparatelyAndSettlesNoMoney(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("baselines.csv");
        Files.writeString(csv, """
                place,period,so2,no2,pm10,pm25,co_p95,o3_8h_p90
                山西省/太原市/小店区,2025,10,30,60,45,1.0,150
                """, StandardCharsets.UTF_8);
        try (var h = harness(csv.toString())) {
            send(h, county("太原市", "小店区", Period.MONTH, 4.00, 40.0, 5.00, 50.0));
            send(h, county("太原市", "小店区", Period.YEAR_TO_DATE, 4.20, 42.0, 5.00, 50.0));
            h.processWatermark(AS_OF_END);
            List<ProvinceReport> out = h.extractOutputValues();
            assertEquals(2, out.size());
            ProvinceReport ytd = out.stream().filter(r -> r.kind.equals("ytd")).findFirst().orElseThrow();
            ProvinceReport month = out.stream().filter(r -> r.kind.equals("month")).findFirst().orElseThrow();
            assertEquals("2026-01..2026-03", ytd.period);
            assertEquals(4.2, ytd.averages.composite(), 1e-9);
            assertTrue(ytd.money.isEmpty(), "money is settled monthly");
            assertEquals(4.0, month.averages.composite(), 1e-9);
            assertFalse(month.money.isEmpty());
        }
    }

    /** Last year's annual rows put every county in scope (bottom 20 of 3 holds all three). */
    private static Path baselines(Path dir) throws Exception {
        Path csv = dir.resolve("baselines.csv");
        Files.writeString(csv, """
                place,period,so2,no2,pm10,pm25,co_p95,o3_8h_p90
                山西省/太原市/小店区,2025,10,30,60,45,1.0,150
                山西省/阳泉市/城区,2025,10,30,60,42,1.0,150
                山西省/晋城市/城区,2025,10,30,60,38,1.0,150
                """, StandardCharsets.UTF_8);
        return csv;
    }

    /**
     * 晋城 城区 has 2 valid days of the 10 so far, 21 to come: 23 < 27, so March cannot be valid (HJ 663).
     * Left out, the province is 小店区 (4.00, PM2.5 40, −20.0 %/−20.0 %) and 阳泉 城区 (4.00, 45, 0.0 %/0.0 %):
     * composite average 4.00, PM2.5 (40 + 45)/2 = 42.5, improvement rates (−20.0 + 0.0)/2 = −10.0; both tie
     * at rank 1 of 2 on the index; 晋城 has no rank and no money, and a note says why.
     */
    @Test
    void aCountyWhosePeriodCannotBeValidIsLeftOutOfRankingAveragesAndMoneyWithTheReason(@TempDir Path dir)
            throws Exception {
        try (var h = harness(baselines(dir).toString())) {
            send(h, county("太原市", "小店区", Period.MONTH, 4.00, 40.4, 5.00, 50.0));
            send(h, county("阳泉市", "城区", Period.MONTH, 4.00, 45.0, 4.00, 45.0));
            PeriodValue jincheng = county("晋城市", "城区", Period.MONTH, 3.00, 30.0, 5.50, 55.0);
            jincheng.valid = false;
            jincheng.validDays = 2;
            send(h, jincheng);
            h.processWatermark(AS_OF_END);
            ProvinceReport r = h.extractOutputValues().get(0);
            assertEquals(2, r.averages.places());
            assertEquals(4.00, r.averages.composite(), 1e-9);
            assertEquals(42.5, r.averages.pm25(), 1e-9);
            assertEquals(-10.0, r.averages.compositeChange(), 1e-9);
            assertEquals(-10.0, r.averages.pm25Change(), 1e-9);
            assertEquals(1, rank(r, "composite", XIAODIAN).rank());
            assertEquals(1, rank(r, "composite", YANGQUAN).rank());
            assertEquals(2, rank(r, "composite", YANGQUAN).of());
            assertTrue(r.rankings.stream().noneMatch(e -> e.place().equals(JINCHENG)), "not ranked");
            assertTrue(r.money.stream().noneMatch(m -> m.place().equals(JINCHENG)), "not settled");
            assertTrue(r.gaps.stream().noneMatch(g -> g.place().equals(JINCHENG)));
            assertFalse(r.money.isEmpty(), "the others are settled");
            assertEquals(1, r.notes.size());
            SettlementNote note = r.notes.get(0);
            assertEquals(JINCHENG, note.place());
            assertEquals(SettlementNote.INVALID_PERIOD, note.reason());
            assertFalse(note.ranked());
            assertTrue(note.detail().contains("2 of 10 days so far, 21 to come"), note.detail());
        }
    }

    @Test
    void aSchemeMayRankAnInvalidPeriodFlaggedInstead(@TempDir Path dir) throws Exception {
        Path scheme = dir.resolve("scheme.yaml");
        Files.writeString(scheme, Files.readString(Path.of(SCHEME)).replace("unsettled: exclude", "unsettled: rank_flagged"));
        try (var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new ProvinceComparisons(RuleChoice.automatic(ZONE), scheme.toString(), baselines(dir).toString(), LATENESS,
                        List.of()),
                p -> Keys.province(p.province, p.kind), Types.INT)) {
            send(h, county("太原市", "小店区", Period.MONTH, 4.00, 40.4, 5.00, 50.0));
            send(h, county("阳泉市", "城区", Period.MONTH, 4.00, 45.0, 4.00, 45.0));
            PeriodValue jincheng = county("晋城市", "城区", Period.MONTH, 3.00, 30.0, 5.50, 55.0);
            jincheng.valid = false;
            send(h, jincheng);
            h.processWatermark(AS_OF_END);
            ProvinceReport r = h.extractOutputValues().get(0);
            // (4 + 4 + 3)/3 and ranked first with the smallest index, of 3.
            assertEquals(11.0 / 3, r.averages.composite(), 1e-9);
            assertEquals(1, rank(r, "composite", JINCHENG).rank());
            assertEquals(3, rank(r, "composite", JINCHENG).of());
            assertTrue(r.notes.get(0).ranked());
            assertEquals(SettlementNote.INVALID_PERIOD, r.notes.get(0).reason());
        }
    }

    /** A county with no data on the day keeps its period so far in the ranking and the money, noted. */
    @Test
    void aCountyWithNoDataOnTheDayStaysInTheReportAsMissing(@TempDir Path dir) throws Exception {
        try (var h = harness(baselines(dir).toString())) {
            send(h, county("太原市", "小店区", Period.MONTH, 4.00, 40.4, 5.00, 50.0));
            PeriodValue yangquan = county("阳泉市", "城区", Period.MONTH, 4.00, 45.0, 4.00, 45.0);
            yangquan.noData = true;
            yangquan.validDays = 9;
            send(h, yangquan);
            send(h, county("晋城市", "城区", Period.MONTH, 5.00, 50.0, 5.50, 55.0));
            h.processWatermark(AS_OF_END);
            ProvinceReport r = h.extractOutputValues().get(0);
            assertEquals(3, r.averages.places());
            assertEquals(13.0 / 3, r.averages.composite(), 1e-9);
            assertEquals(3, rank(r, "composite", YANGQUAN).of());
            assertTrue(r.money.stream().anyMatch(m -> m.place().equals(YANGQUAN)));
            assertEquals(List.of(SettlementNote.NO_DATA), r.notes.stream().map(SettlementNote::reason).toList());
            assertTrue(r.notes.get(0).ranked());
            assertTrue(r.notes.get(0).detail().contains("no valid value on 2026-03-10"), r.notes.get(0).detail());
        }
    }

    private static PeriodValue station(String code, double composite, double pm25) {
        PeriodValue v = county("太原市", "小店区", Period.MONTH, composite, pm25, 0, 0);
        v.level = HourlyValue.STATION;
        v.station = code;
        v.compositeLastYear = null;
        v.pm25LastYear = null;
        return v;
    }

    /**
     * 小店区's stations A1 (PM2.5 47.6, reported 48) and A2 (32.4 → 32), against the provincial average 45: gaps 3
     * and −13 of −10, shares −0.3 and 1.3 (小店区 at 40 is better than the average, A2 makes its lead). A corrected
     * A1 of 43.6 (→ 44, gap −1) re-issues the report: −1 and −13 of −14, shares 1/14 and 13/14.
     */
    @Test
    void stationsShareTheirCountysGapToTheAverage() throws Exception {
        try (var h = harness(null)) {
            sendThree(h);
            send(h, station("A1", 4.20, 47.6));
            send(h, station("A2", 3.80, 32.4));
            h.processWatermark(AS_OF_END);
            ProvinceReport r = h.extractOutputValues().get(0);
            assertEquals(3, r.averages.places(), "stations are not places");
            List<ContributionEntry> pm25 = r.contributions.stream().filter(c -> c.indicator().equals("pm25")).toList();
            assertEquals(List.of("A2", "A1"), pm25.stream().map(ContributionEntry::station).toList());
            assertEquals(List.of(1.3, -0.3), pm25.stream().map(ContributionEntry::share).toList());
            assertEquals(List.of(-8.0, 8.0), pm25.stream().map(ContributionEntry::difference).toList());
            assertEquals(List.of(XIAODIAN, XIAODIAN), pm25.stream().map(ContributionEntry::place).toList());
            ContributionEntry a1 = r.contributions.stream().filter(c -> c.indicator().equals("composite")
                    && c.station().equals("A1")).findFirst().orElseThrow();
            assertEquals(0.2, a1.difference());
            assertEquals(4, r.contributions.size());

            send(h, station("A1", 4.20, 43.6));
            ProvinceReport corrected = h.extractOutputValues().get(1);
            assertEquals(List.of(13.0 / 14, 1.0 / 14), corrected.contributions.stream()
                    .filter(c -> c.indicator().equals("pm25")).map(ContributionEntry::share).toList());
        }
    }

    @Test
    void stationValuesAloneMakeNoReport() throws Exception {
        try (var h = harness(null)) {
            send(h, station("A1", 4.20, 47.6));
            h.processWatermark(AS_OF_END);
            assertTrue(h.extractOutputValues().isEmpty());
        }
    }
}
