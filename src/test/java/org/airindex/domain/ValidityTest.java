package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidityTest {
    private static final Validity V = Standards.loadDefault().byId("2026").validity();

    @Test
    void thresholdsComeFromTheRuleSet() {
        assertEquals(45, V.minMinutesPerHour());
        assertEquals(20, V.minHoursPerDay());
        assertEquals(6, V.minHoursPerO3EightHour());
        assertEquals(14, V.o3DailyMaxMinWindows());
        assertEquals(17, V.o3DailyMaxWindows());
        assertEquals(160.0, V.o3DailyMaxExceedanceLimit());
        assertEquals(27, V.minDaysPerMonth());
        assertEquals(25, V.minDaysFebruary());
        assertEquals(324, V.minDaysPerYear());
        assertEquals(45, Standards.loadDefault().byId("2012").validity().minMinutesPerHour());
    }

    @Test
    void hourNeeds45Minutes() {
        assertFalse(V.hourValid(44));
        assertTrue(V.hourValid(45));
    }

    @Test
    void dailyMeanNeeds20ValidHours() {
        Statistic s19 = Statistics.dailyMean(Pollutant.PM25, hours(19, 10.0), V);
        assertFalse(s19.valid());
        assertEquals(19, s19.validCount());
        assertEquals(10.0, s19.value(), "an invalid day still reports its mean");
        Statistic s20 = Statistics.dailyMean(Pollutant.PM25, hours(20, 10.0), V);
        assertTrue(s20.valid());
        assertEquals(20, s20.validCount());
    }

    @Test
    void negativeAndNanValuesAreCountedInvalidNotAveraged() {
        List<Double> h = hours(20, 10.0);
        h.set(0, -1.0);
        h.set(1, Double.NaN);
        h.set(2, 1e9);
        Statistic s = Statistics.dailyMean(Pollutant.PM25, h, V);
        assertEquals(17, s.validCount());
        assertEquals(3, s.invalidCount());
        assertFalse(s.valid());
        assertEquals(10.0, s.value());
    }

    @Test
    void o3EightHourNeedsSixOfEight() {
        List<Double> w = new ArrayList<>(Collections.nCopies(8, (Double) null));
        for (int i = 0; i < 5; i++) {
            w.set(i, 100.0 + i);
        }
        assertNull(O3EightHour.movingMean(w, V));
        w.set(5, 105.0);
        assertEquals(102.5, O3EightHour.movingMean(w, V).doubleValue());
    }

    @Test
    void dailyMaxNeeds14WindowsOrAnExceedance() {
        assertFalse(O3EightHour.dailyMax(windows(13, 150.0), V).valid());
        assertTrue(O3EightHour.dailyMax(windows(14, 150.0), V).valid());
        O3EightHour.DailyMax exceed = O3EightHour.dailyMax(windows(13, 161.0), V);
        assertTrue(exceed.valid());
        assertEquals(161.0, exceed.value().doubleValue());
        assertEquals(13, exceed.validWindows());
        // the limit is not exceeded when the reported value is 160: 160.4 → 160, 160.5 → 160 (half-even)
        assertFalse(O3EightHour.dailyMax(windows(13, 160.4), V).valid());
        assertFalse(O3EightHour.dailyMax(windows(13, 160.5), V).valid());
        assertTrue(O3EightHour.dailyMax(windows(13, 160.51), V).valid());
        assertFalse(O3EightHour.dailyMax(windows(0, 0), V).valid());
    }

    @Test
    void dailyMaxFromHoursUsesWindowsEnding8To24() {
        List<Double> hours = new ArrayList<>();
        for (int h = 1; h <= 24; h++) {
            hours.add(10.0 * h);
        }
        O3EightHour.DailyMax all = O3EightHour.dailyMaxFromHours(hours, V);
        // window ending 24 = mean of hours 17..24 = 10·20.5
        assertEquals(Exact.of(205, 1), all.value());
        assertEquals(17, all.validWindows());
        // hours 1..10 missing: windows ending 16..24 have ≥ 6 valid hours, 9 windows
        for (int h = 0; h < 10; h++) {
            hours.set(h, null);
        }
        O3EightHour.DailyMax few = O3EightHour.dailyMaxFromHours(hours, V);
        assertEquals(9, few.validWindows());
        assertTrue(few.valid(), "205 exceeds 160");
        List<Double> low = new ArrayList<>();
        for (Double x : hours) {
            low.add(x == null ? null : x / 2);
        }
        assertFalse(O3EightHour.dailyMaxFromHours(low, V).valid(), "102.5 does not exceed 160");
    }

    @Test
    void monthNeeds27DaysFebruary25() {
        assertFalse(V.monthValid(YearMonth.of(2026, 1), 26));
        assertTrue(V.monthValid(YearMonth.of(2026, 1), 27));
        assertFalse(V.monthValid(YearMonth.of(2026, 2), 24));
        assertTrue(V.monthValid(YearMonth.of(2026, 2), 25));
        assertTrue(V.monthValid(YearMonth.of(2028, 2), 25));
        assertFalse(V.monthValid(YearMonth.of(2026, 4), 26));
        Statistic feb = Statistics.monthlyMean(Pollutant.NO2, YearMonth.of(2026, 2), hours(25, 30.0), V);
        assertTrue(feb.valid());
        Statistic mar = Statistics.monthlyMean(Pollutant.NO2, YearMonth.of(2026, 3), hours(25, 30.0), V);
        assertFalse(mar.valid());
        assertEquals(30.0, mar.value());
    }

    @Test
    void yearNeeds324DaysAndEveryMonth() {
        assertTrue(V.yearValid(324, true));
        assertFalse(V.yearValid(323, true));
        assertFalse(V.yearValid(365, false));
        assertFalse(Statistics.annualMean(Pollutant.SO2, hours(330, 5.0), false, V).valid());
        assertTrue(Statistics.annualMean(Pollutant.SO2, hours(330, 5.0), true, V).valid());
    }

    /** 24 slots (or n if larger) with n valid values and the rest missing. */
    private static List<Double> hours(int n, double value) {
        List<Double> h = new ArrayList<>(Collections.nCopies(Math.max(24, n), (Double) null));
        for (int i = 0; i < n; i++) {
            h.set(i, value);
        }
        return h;
    }

    /** 17 windows, n of them valid, the largest equal to max. */
    private static List<Double> windows(int n, double max) {
        List<Double> w = new ArrayList<>(Collections.nCopies(17, (Double) null));
        for (int i = 0; i < n; i++) {
            w.set(i, i == 0 ? max : max / 2);
        }
        return w;
    }
}
