package org.airindex.reports;

import static org.airindex.reports.SampleResults.A1;
import static org.airindex.reports.SampleResults.A2;
import static org.airindex.reports.SampleResults.B3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.airindex.reports.WeeklyDispatch.PlaceWeek;
import org.junit.jupiter.api.Test;

class WeeklyDispatchTest {
    private final WeeklyDispatch w33 = WeeklyDispatch.of(SampleResults.province(), SampleResults.P, "2026-W33", "county");

    @Test
    void readsTheVersionOfTheWeeksSunday() {
        assertEquals(LocalDate.of(2026, 8, 10), w33.from());
        assertEquals(LocalDate.of(2026, 8, 16), w33.to());
        assertEquals("2026-08-16", w33.monthAverage().asOf());
        // 乙市's counties have only versions after the week: not shown.
        assertEquals(List.of(A1, A2), w33.places().stream().map(PlaceWeek::place).toList());
        assertEquals(3.6, w33.places().get(0).month().composite());
    }

    @Test
    void rankMovementsSinceTheSundayBefore() {
        PlaceWeek a1 = w33.places().get(0);
        assertEquals(1, a1.monthRank());
        assertEquals(2, a1.monthRankBefore());
        List<String> row = WeeklyReport.of(w33).sections().get(0).tables().get(0).rows().get(0);
        assertEquals(List.of("甲市一区", "3.60", "-7.7%", "31", "-8.8%", "1", "↑1"), row.subList(0, 7));
        assertEquals("↓1", WeeklyReport.of(w33).sections().get(0).tables().get(0).rows().get(1).get(6));
    }

    @Test
    void gapsAndFineRisksOfTheSameVersion() {
        assertEquals(1, w33.gaps().size());
        assertEquals(0.1, w33.gaps().get(0).reduction());
        assertEquals(Map.of(A2, -255_000L), w33.atRisk());
    }

    @Test
    void alertsOpenAtTheWeeksEnd() {
        // f1 and e0 ended during the week; b1 and e1 are still open.
        assertEquals(List.of("b1", "e1"), w33.open().stream().map(Results.Alert::id).toList());
        assertEquals(B3, w33.open().get(0).place());
    }

    @Test
    void theNationalEstimateOfTheWeeksEnd() {
        assertEquals(List.of(10, 20), w33.national().stream().map(Results.National::n).toList());
        List<String> ten = WeeklyReport.of(w33).sections().get(4).tables().get(0).rows().get(0);
        assertEquals(List.of("甲市", "4.20", "160/168", "退出后10名", "在后10名", "4.00", "0.20", "3.90", "33.0", "27.5"),
                ten);
        assertTrue(WeeklyReport.of(w33).sections().get(4).paragraphs().get(0).contains("2026-07"));
    }

    @Test
    void isoWeeks() {
        assertEquals(LocalDate.of(2026, 12, 28), WeeklyDispatch.monday("2026-W53"));
        assertEquals("2026-W53", Reports.isoWeek(LocalDate.of(2027, 1, 1)));
        assertEquals("2026-W33", Reports.isoWeek(LocalDate.of(2026, 8, 16)));
        assertEquals(LocalDate.of(2024, 12, 30), WeeklyDispatch.monday("2025-W01"));
        assertThrows(ResultsException.class, () -> WeeklyDispatch.monday("2025-W53"));
        assertThrows(ResultsException.class, () -> WeeklyDispatch.monday("2026-W1"));
        assertThrows(ResultsException.class, () -> WeeklyDispatch.monday("2026-W00"));
    }

    /** Averages (4.2 + 3.9) / 2 = 4.05 and (43 + 40) / 2 = 41.5, as the sample holds them. */
    @Test
    void theCampaignsTheWeekUpdatedAsOfItsEnd() {
        assertEquals(List.of("ozone-summer 2026-05-01..2026-09-30"), w33.campaigns().stream()
                .map(c -> c.average().period()).toList(), "the autumn-winter campaign ended in March");
        WeeklyDispatch.Campaign ozone = w33.campaigns().get(0);
        assertEquals("2026-08-16", ozone.average().asOf());
        assertEquals(List.of(A2, A1), ozone.places().stream().map(WeeklyDispatch.CampaignPlace::place).toList());
        Report report = WeeklyReport.of(w33);
        Report.Section section = report.sections().get(report.sections().size() - 1);
        assertEquals("专项时段：ozone-summer 2026-05-01..2026-09-30", section.heading());
        assertTrue(section.paragraphs().get(0).contains("综合指数 4.05，PM2.5 41.5 μg/m³"), section.paragraphs().get(0));
        assertEquals(List.of(List.of("二区", "3.90", "0.0%", "40", "-4.8%", "1"),
                List.of("甲市一区", "4.20", "-6.7%", "43", "-4.4%", "2")), section.tables().get(0).rows());
    }
}
