package org.airindex.pipeline;

import static org.airindex.pipeline.Fixtures.ZONE;
import static org.airindex.pipeline.Fixtures.at;
import static org.airindex.pipeline.Fixtures.countyDay;
import static org.airindex.pipeline.Fixtures.since;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.airindex.domain.NamedPeriod;
import org.airindex.records.DailyValue;
import org.airindex.records.PeriodValue;

class PlacePeriodTest {

    private static KeyedOneInputStreamOperatorTestHarness<Integer, DailyValue, PeriodValue> harness(String baselines)
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new PlacePeriod(RuleChoice.automatic(ZONE), baselines, List.of()), v -> Keys.place(v.placeKey()), Types.INT);
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<Integer, DailyValue, PeriodValue> h,
            DailyValue d) throws Exception {
        h.processElement(d, d.dayEnd);
    }

    private static DailyValue pm25(String date, double pm25) {
        return countyDay(date, 10.0, 30.0, 0.5, 50.0, pm25, 100.0, 50);
    }

    @Test
    void theMonthRollsOverAndYearToDateSpansBoth() throws Exception {
        try (var h = harness(null)) {
            send(h, pm25("2026-01-31", 40.0));
            send(h, pm25("2026-02-01", 60.0));
            List<PeriodValue> out = h.extractOutputValues();
            assertEquals(4, out.size());
            PeriodValue jan = out.get(0);
            assertEquals("month", jan.kind);
            assertEquals("2026-01", jan.period);
            assertEquals("2026-01-31", jan.asOf);
            assertEquals(at("2026-02-01T00:00"), jan.asOfEnd);
            assertEquals(31, jan.daysSoFar);
            assertEquals(40.0, jan.pm25, 1e-9);
            assertEquals("county", jan.level);
            assertEquals("山西省/太原市/小店区", jan.placeKey());
            assertEquals("ytd", out.get(1).kind);
            assertEquals("2026-01..2026-01", out.get(1).period);

            PeriodValue feb = out.get(2);
            assertEquals("month", feb.kind);
            assertEquals("2026-02", feb.period);
            assertEquals("2026-02-01", feb.asOf);
            assertEquals(1, feb.daysSoFar);
            assertEquals(28, feb.daysInPeriod);
            assertEquals(60.0, feb.pm25, 1e-9, "February holds only its own day");
            PeriodValue ytd = out.get(3);
            assertEquals("ytd", ytd.kind);
            assertEquals("2026-01..2026-02", ytd.period);
            assertEquals(32, ytd.daysSoFar);
            assertEquals(365, ytd.daysInPeriod);
            assertEquals(50.0, ytd.pm25, 1e-9); // (40+60)/2

            // Correcting 31 January re-emits January as of the 31st and the year to date as of the
            // 31st and 1 February, not February's month to date.
            send(h, pm25("2026-01-31", 20.0));
            List<PeriodValue> again = since(h, 4);
            assertEquals(3, again.size());
            assertEquals("2026-01", again.get(0).period);
            assertEquals(20.0, again.get(0).pm25, 1e-9);
            assertEquals("2026-01..2026-01", again.get(1).period);
            assertEquals("2026-01..2026-02", again.get(2).period);
            assertEquals("2026-02-01", again.get(2).asOf);
            assertEquals(40.0, again.get(2).pm25, 1e-9); // (20+60)/2
        }
    }

    @Test
    void aCorrectedEarlierDayReEmitsTheLaterAsOfValuesOfItsMonth() throws Exception {
        try (var h = harness(null)) {
            send(h, pm25("2026-03-01", 30.0));
            send(h, pm25("2026-03-02", 40.0));
            send(h, pm25("2026-03-03", 50.0));
            assertEquals(6, h.extractOutputValues().size());
            send(h, pm25("2026-03-01", 90.0));
            List<PeriodValue> out = since(h, 6);
            assertEquals(6, out.size(), "month and year to date as of 1, 2 and 3 March");
            assertEquals("2026-03-01", out.get(0).asOf);
            assertEquals("month", out.get(0).kind);
            assertEquals(90.0, out.get(0).pm25, 1e-9);
            assertEquals("2026-03-02", out.get(2).asOf);
            assertEquals(65.0, out.get(2).pm25, 1e-9); // (90+40)/2
            assertEquals("2026-03-03", out.get(4).asOf);
            assertEquals("month", out.get(4).kind);
            assertEquals(60.0, out.get(4).pm25, 1e-9); // (90+40+50)/3
            assertEquals("ytd", out.get(5).kind);
            assertEquals(60.0, out.get(5).pm25, 1e-9);
        }
    }

    // Last year: SO2 12, NO2 40, PM10 90, PM2.5 45, CO 1.2, O3 160 every day; this year: 6, 32, 72, 36, 0.8, 128.
    // Both under the current (2026) rule-set, like for like:
    //   last year 12/60 + 40/40 + 90/60 + 45/30 + 1.2/4 + 160/160 = 0.2 + 1 + 1.5 + 1.5 + 0.3 + 1 = 5.5
    //   (under its own 2012 rules it would be 0.2 + 1 + 1.2857 + 1.2857 + 0.3 + 1 = 5.07)
    //   this year 6/60 + 32/40 + 72/60 + 36/30 + 0.8/4 + 128/160 = 0.1 + 0.8 + 1.2 + 1.2 + 0.2 + 0.8 = 4.3
    //   change (4.3 - 5.5)/5.5 * 100 = -21.82 -> -21.8; PM2.5 (36 - 45)/45 * 100 = -20.0
    private static DailyValue lastYear(String date) {
        return countyDay(date, 12.0, 40.0, 1.2, 90.0, 45.0, 160.0, 60);
    }

    private static DailyValue thisYear(String date) {
        return countyDay(date, 6.0, 32.0, 0.8, 72.0, 36.0, 128.0, 50);
    }

    @Test
    void changeRateAgainstTheSameDaysOfLastYearFromTheOperatorsOwnHistory() throws Exception {
        try (var h = harness(null)) {
            send(h, lastYear("2025-03-01"));
            send(h, lastYear("2025-03-02"));
            // 3 March last year is not among the same days as 1..2 March this year: were it used,
            // last year's PM2.5 would be (45 + 45 + 450)/3 = 180.
            send(h, countyDay("2025-03-03", 12.0, 40.0, 1.2, 90.0, 450.0, 160.0, 300));
            int before = h.extractOutputValues().size();
            send(h, thisYear("2026-03-01"));
            send(h, thisYear("2026-03-02"));
            List<PeriodValue> out = since(h, before);
            assertEquals(4, out.size());
            PeriodValue month = out.get(2);
            assertEquals("2026-03", month.period);
            assertEquals("2026-03-02", month.asOf);
            assertEquals("2026", month.rules);
            assertEquals(4.3, month.composite, 1e-9);
            assertEquals(5.5, month.compositeLastYear, 1e-9);
            assertEquals(-21.8, month.compositeChange, 1e-9);
            assertEquals(45.0, month.pm25LastYear, 1e-9);
            assertEquals(-20.0, month.pm25Change, 1e-9);
            assertEquals("history", month.baseline);
            // Last year's year to date (2 of 61 days, January and February empty) is not valid: no base.
            PeriodValue ytd = out.get(3);
            assertEquals("ytd", ytd.kind);
            assertNull(ytd.compositeLastYear);
            assertNull(ytd.compositeChange);
            assertNull(ytd.baseline);
        }
    }

    /** State is cut by the watermark: a day dated ahead (a wrong clock) must not drop last year's days. */
    @Test
    void aDayDatedAheadOfTheWatermarkKeepsLastYearsDays() throws Exception {
        try (var h = harness(null)) {
            send(h, lastYear("2025-03-01"));
            send(h, lastYear("2025-03-02"));
            h.processWatermark(at("2026-03-02T00:00"));
            send(h, thisYear("2026-03-01"));
            send(h, thisYear("2028-06-01"));
            int before = h.extractOutputValues().size();
            send(h, thisYear("2026-03-02"));
            PeriodValue month = since(h, before).get(0);
            assertEquals("2026-03-02", month.asOf);
            assertEquals("history", month.baseline, "last year's days are still there");
            assertEquals(45.0, month.pm25LastYear, 1e-9);
        }
    }

    @Test
    void changeRateFromTheBaselineFileWhenThereIsNoHistory(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("baselines.csv");
        Files.writeString(csv, """
                place,period,so2,no2,pm10,pm25,co_p95,o3_8h_p90
                # last year's March of 小店区; 城区 of another city must not be used
                山西省/太原市/小店区,2025-03,12,40,90,45,1.2,160
                山西省/阳泉市/城区,2025-03,60,80,200,100,4,320
                """, StandardCharsets.UTF_8);
        try (var h = harness(csv.toString())) {
            send(h, thisYear("2026-03-01"));
            List<PeriodValue> out = h.extractOutputValues();
            assertEquals(2, out.size());
            PeriodValue month = out.get(0);
            assertEquals(4.3, month.composite, 1e-9);
            assertEquals(5.5, month.compositeLastYear, 1e-9, "the file's C_i under the current S_i");
            assertEquals(-21.8, month.compositeChange, 1e-9);
            assertEquals(45.0, month.pm25LastYear, 1e-9);
            assertEquals(-20.0, month.pm25Change, 1e-9);
            assertEquals("file", month.baseline);
            assertNull(out.get(1).compositeLastYear, "the file has no year-to-date rows");
        }
    }

    /** A corrected day of last year changes this year's change rates as if it had never been wrong. */
    @Test
    void aCorrectedDayOfLastYearChangesTheChangeRateLikeTheRightDayWould() throws Exception {
        DailyValue wrong = lastYear("2025-03-02");
        DailyValue right = countyDay("2025-03-02", 12.0, 40.0, 1.2, 90.0, 450.0, 160.0, 300);
        List<PeriodValue> corrected;
        try (var h = fixedRules()) {
            send(h, lastYear("2025-03-01"));
            send(h, wrong);
            send(h, thisYear("2026-03-01"));
            send(h, thisYear("2026-03-02"));
            assertEquals(45.0, since(h, 4).get(2).pm25LastYear, 1e-9);
            send(h, right);
            int before = h.extractOutputValues().size();
            send(h, thisYear("2026-03-02"));
            corrected = since(h, before);
        }
        List<PeriodValue> fromTheStart;
        try (var h = fixedRules()) {
            send(h, lastYear("2025-03-01"));
            send(h, right);
            send(h, thisYear("2026-03-01"));
            int before = h.extractOutputValues().size();
            send(h, thisYear("2026-03-02"));
            fromTheStart = since(h, before);
        }
        assertEquals(2, corrected.size());
        assertEquals(247.5, corrected.get(0).pm25LastYear, 1e-9); // (45 + 450) / 2
        for (int i = 0; i < 2; i++) {
            assertEquals(fromTheStart.get(i).kind, corrected.get(i).kind);
            assertEquals(fromTheStart.get(i).compositeLastYear, corrected.get(i).compositeLastYear);
            assertEquals(fromTheStart.get(i).pm25LastYear, corrected.get(i).pm25LastYear);
            assertEquals(fromTheStart.get(i).compositeChange, corrected.get(i).compositeChange);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<Integer, DailyValue, PeriodValue> fixedRules()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new PlacePeriod(new RuleChoice(null, "2026", ZONE), null, List.of()), v -> Keys.place(v.placeKey()), Types.INT);
    }

    /**
     * The autumn-winter campaign 2027-10-01..2028-03-31 as of the leap day, against 2026-10-01..2027-02-28:
     * 152 days against 151. Last year's days as {@link #lastYear}, this year's as {@link #thisYear} but the
     * leap day at PM2.5 264, so this year's mean is (151 × 36 + 264) / 152 = 5700 / 152 = 37.5, reported 38
     * (a true tie, to even); composite 0.1 + 0.8 + 1.2 + 37.5/30 + 0.2 + 0.8 = 4.35 against 5.5 a year
     * before: (4.35 − 5.5) / 5.5 = −20.9 %; PM2.5 (38 − 45) / 45 = −15.6 %. Last year's 1 March (PM2.5 450)
     * is not among the same days: counted, last year's mean would be 47.7.
     */
    @Test
    void aCampaignCrossingALeapFebruaryIsComparedWithTheSameDaysOfLastYear() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new PlacePeriod(RuleChoice.automatic(ZONE),
                null, List.of(NamedPeriod.of("autumn-winter", "10-01", "03-31"))), v -> Keys.place(v.placeKey()),
                Types.INT)) {
            for (LocalDate d = LocalDate.parse("2026-09-01"); d.isBefore(LocalDate.parse("2027-03-02")); d = d.plusDays(1)) {
                send(h, d.equals(LocalDate.parse("2027-03-01"))
                        ? countyDay(d.toString(), 12.0, 40.0, 1.2, 90.0, 450.0, 160.0, 300) : lastYear(d.toString()));
            }
            for (LocalDate d = LocalDate.parse("2027-10-01"); d.isBefore(LocalDate.parse("2028-02-29")); d = d.plusDays(1)) {
                send(h, thisYear(d.toString()));
                h.processWatermark(at(d.plusDays(1) + "T00:00"));
            }
            int before = h.extractOutputValues().size();
            send(h, countyDay("2028-02-29", 6.0, 32.0, 0.8, 72.0, 264.0, 128.0, 50));
            List<PeriodValue> out = since(h, before);
            assertEquals(List.of("month", "ytd", "autumn-winter"), out.stream().map(v -> v.kind).toList());
            PeriodValue campaign = out.get(2);
            assertEquals("autumn-winter 2027-10-01..2028-03-31", campaign.period);
            assertEquals("2028-02-29", campaign.asOf);
            assertEquals(152, campaign.daysSoFar);
            assertEquals(183, campaign.daysInPeriod);
            assertTrue(campaign.valid);
            assertEquals(37.5, campaign.pm25, 1e-12);
            assertEquals(4.35, campaign.composite, 1e-12);
            assertEquals("history", campaign.baseline, "last year's October to December are still kept in February");
            assertEquals(5.5, campaign.compositeLastYear, 1e-12);
            assertEquals(45.0, campaign.pm25LastYear, 1e-12);
            assertEquals(-20.9, campaign.compositeChange, 1e-12);
            assertEquals(-15.6, campaign.pm25Change, 1e-12);

            // A corrected 31 December re-emits December, the year 2027 as of that day, and the campaign as of
            // every day from it to the leap day (61 days), each with the corrected day.
            send(h, thisYear("2027-12-31"));
            List<PeriodValue> again = since(h, before + 3);
            assertEquals(63, again.size());
            assertEquals(List.of("month", "ytd", "autumn-winter"), again.subList(0, 3).stream().map(v -> v.kind).toList());
            assertEquals(61, again.stream().filter(v -> v.kind.equals("autumn-winter")).count());
            assertEquals(campaign.pm25, again.get(again.size() - 1).pm25);
        }
    }
}
