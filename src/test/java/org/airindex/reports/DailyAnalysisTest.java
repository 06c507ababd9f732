package org.airindex.reports;

import static org.airindex.reports.SampleResults.A1;
import static org.airindex.reports.SampleResults.A2;
import static org.airindex.reports.SampleResults.B1;
import static org.airindex.reports.SampleResults.B3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.airindex.reports.DailyAnalysis.PlaceDay;
import org.junit.jupiter.api.Test;

class DailyAnalysisTest {
    private final SampleResults results = SampleResults.province();
    private final DailyAnalysis day = DailyAnalysis.of(results, SampleResults.P, LocalDate.of(2026, 8, 15), "county");

    @Test
    void ranksByAqiWithTies() {
        assertEquals(List.of(A1, A2, B1, B3), day.counties().stream().map(PlaceDay::place).toList());
        assertEquals(Arrays.asList(1, 2, 3, 3), day.counties().stream().map(PlaceDay::rank).toList());
    }

    @Test
    void comparesWithTheSameDayLastYear() {
        assertEquals(56, day.counties().get(0).lastYear().aqi());
        assertNull(day.counties().get(1).lastYear());
        assertEquals(62, day.provinceLastYear().aqi());
        Table table = DailyReport.of(day).sections().get(0).tables().get(0);
        // PM2.5 30 against 40 a year before: -25.0 %; 45 against 50: -10.0 %.
        assertEquals("-25.0%", table.rows().get(0).get(8));
        assertEquals("–", table.rows().get(1).get(8));
        assertEquals("-10.0%", table.rows().get(2).get(8));
        assertEquals(List.of("3", "三县", "80", "良", "PM10、PM2.5", "50", "–", "–", "–"), table.rows().get(3));
    }

    @Test
    void thePlacesAboveTheProvincePullItDown() {
        // The province's AQI is 68: 乙市一区 and 三县 (80 each) are above it.
        assertEquals(List.of(B1, B3), day.pullingDown().stream().map(PlaceDay::place).toList());
        assertEquals(List.of("乙市一区", "80", "12", "PM2.5", "45"),
                DailyReport.of(day).sections().get(1).tables().get(0).rows().get(0));
    }

    @Test
    void listsTheAlertsOpenedThatDayByKind() {
        // e0 opened the day before; the bottom-N alert is a target, not pollution nor data.
        assertEquals(List.of("e1"), day.pollution().stream().map(Results.Alert::id).toList());
        assertEquals(List.of("f1"), day.suspiciousData().stream().map(Results.Alert::id).toList());
    }

    @Test
    void theTrendHoldsThirtyDaysEndingThatDay() {
        assertEquals(30, day.lastDays().size());
        assertEquals("2026-07-17", day.lastDays().get(0).date());
        assertNull(day.lastDays().get(0).aqi());
        assertEquals(70, day.lastDays().get(28).aqi());
        assertEquals(68, day.lastDays().get(29).aqi());
    }

    @Test
    void theTwentyNinthOfFebruaryHasNoSameDayLastYear() {
        results.days.add(new Results.Day(A1, "2028-02-29", 30.0, 50, "优", "", true));
        results.days.add(new Results.Day(A1, "2027-02-28", 40.0, 60, "良", "pm25", true));
        DailyAnalysis leap = DailyAnalysis.of(results, SampleResults.P, LocalDate.of(2028, 2, 29), "county");
        assertNull(leap.counties().get(0).lastYear());
        assertNull(leap.provinceDay());
    }

    /** The two largest shares of 甲市一区's gaps as of the 15th (SampleResults), composite first. */
    @Test
    void theStationsThatPullEachCountyFurthest() {
        assertEquals(List.of("composite 1002A", "composite 1003A", "pm25 1003A", "pm25 1002A"), day.topStations()
                .stream().map(c -> c.indicator() + " " + c.station()).toList());
        Table table = DailyReport.of(day).sections().get(2).tables().get(0);
        assertEquals(List.of("甲市一区", "综合指数", "1", "1002A", "3.40", "3.60", "-0.20", "+166.7%"), table.rows().get(0));
        assertEquals(List.of("甲市一区", "PM2.5", "1", "1003A", "28", "31", "-3", "+73.3%"), table.rows().get(2));
        assertEquals(List.of("甲市一区", "PM2.5", "2", "1002A", "29", "31", "-2", "+60.0%"), table.rows().get(3));
    }

    @Test
    void noContributionsNoStationTable() {
        results.contributions.clear();
        assertEquals(List.of(), DailyReport.of(DailyAnalysis.of(results, SampleResults.P, LocalDate.of(2026, 8, 15),
                "county")).sections().get(2).tables());
    }
}
