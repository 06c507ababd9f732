package org.airindex.domain;

import java.io.Serializable;
import java.time.Month;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Data-validity thresholds of a rule-set (STANDARDS.md §1), read from its {@code validity} section.
 * Counts passed in are counts of valid values: present, not negative, not NaN, plausible.
 */
public record Validity(int minMinutesPerHour, int minHoursPerDay, int o3EightHourWindowHours,
                       int minHoursPerO3EightHour, int o3DailyMaxFirstWindowEnd, int o3DailyMaxLastWindowEnd,
                       int o3DailyMaxMinWindows, double o3DailyMaxExceedanceLimit, int minDaysPerMonth,
                       int minDaysFebruary, int minDaysPerYear, Map<Pollutant, Double> plausibleMax)
        implements Serializable {

    public Validity {
        plausibleMax = Collections.unmodifiableMap(new EnumMap<>(plausibleMax));
    }

    public boolean hourValid(int validMinutes) {
        return validMinutes >= minMinutesPerHour;
    }

    public boolean dayValid(int validHours) {
        return validHours >= minHoursPerDay;
    }

    public boolean o3EightHourValid(int validHours) {
        return validHours >= minHoursPerO3EightHour;
    }

    /** Number of 8-hour windows whose maximum is the daily max 8h (17 with windows ending 8..24). */
    public int o3DailyMaxWindows() {
        return o3DailyMaxLastWindowEnd - o3DailyMaxFirstWindowEnd + 1;
    }

    /**
     * Too few windows still give a valid daily max when that max already exceeds the limit, since
     * the missing windows could only raise it. The reported (rounded) value is compared, as limits are.
     */
    public boolean o3DailyMaxValid(int validWindows, Number max) {
        if (validWindows >= o3DailyMaxMinWindows) {
            return true;
        }
        return max != null && Rounding.report(Pollutant.O3, max).doubleValue() > o3DailyMaxExceedanceLimit;
    }

    public boolean monthValid(YearMonth month, int validDays) {
        int min = month.getMonth() == Month.FEBRUARY ? minDaysFebruary : minDaysPerMonth;
        return validDays >= min;
    }

    public boolean yearValid(int validDays, boolean everyMonthValid) {
        return everyMonthValid && validDays >= minDaysPerYear;
    }

    /** A value that may enter a statistic: not NaN, not negative, not above the plausibility bound. */
    public boolean plausible(Pollutant p, Double value) {
        if (value == null || value.isNaN() || value < 0) {
            return false;
        }
        Double max = plausibleMax.get(p);
        return max == null || value <= max;
    }
}
