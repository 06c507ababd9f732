package org.airindex.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** O3 8-hour moving mean and daily maximum 8-hour value (STANDARDS.md §1). */
public final class O3EightHour {
    private O3EightHour() {
    }

    /** A daily max 8h with the number of valid windows it was taken over; value null if none. */
    public record DailyMax(Exact value, int validWindows, boolean valid) implements Serializable {
    }

    /**
     * Mean of the hours t-7..t (given oldest first, null = missing), or null when fewer than
     * {@code min_hours_per_o3_8h} of them are valid.
     */
    public static Exact movingMean(List<? extends Number> window, Validity v) {
        if (window.size() != v.o3EightHourWindowHours()) {
            throw new IllegalArgumentException("an O3 8-hour window has " + v.o3EightHourWindowHours()
                    + " hours, got " + window.size());
        }
        List<? extends Number> ok = Statistics.validValues(Pollutant.O3, window, v);
        return v.o3EightHourValid(ok.size()) ? Statistics.mean(ok) : null;
    }

    /**
     * The 8-hour moving means of every window inside a run of consecutive hours (oldest first,
     * null = missing): element j is the mean of hours j..j+7, null where it is not valid.
     */
    public static List<Exact> movingMeans(List<? extends Number> hours, Validity v) {
        int width = v.o3EightHourWindowHours();
        List<Exact> means = new ArrayList<>(Math.max(0, hours.size() - width + 1));
        for (int end = width; end <= hours.size(); end++) {
            means.add(movingMean(hours.subList(end - width, end), v));
        }
        return means;
    }

    /**
     * Daily max from the 8-hour values ending at hours first..last of the day (8..24: 17 values,
     * null = invalid window). Valid with ≥ {@code o3_daily_max_min_windows} windows, or with fewer
     * when the max already exceeds the limit.
     */
    public static DailyMax dailyMax(List<? extends Number> eightHourValues, Validity v) {
        if (eightHourValues.size() != v.o3DailyMaxWindows()) {
            throw new IllegalArgumentException("expected " + v.o3DailyMaxWindows() + " 8-hour values, got "
                    + eightHourValues.size());
        }
        Exact max = null;
        int n = 0;
        for (Number value : eightHourValues) {
            if (value != null) {
                Exact x = Exact.of(value);
                n++;
                max = max == null || x.compareTo(max) > 0 ? x : max;
            }
        }
        return new DailyMax(max, n, v.o3DailyMaxValid(n, max));
    }

    /**
     * Daily max from the 24 end-labelled 1-hour values of the day (hours 1..24, null = missing);
     * the windows ending at hours 8..24 lie inside the day.
     */
    public static DailyMax dailyMaxFromHours(List<? extends Number> hours, Validity v) {
        int width = v.o3EightHourWindowHours();
        if (hours.size() < v.o3DailyMaxLastWindowEnd() || v.o3DailyMaxFirstWindowEnd() < width) {
            throw new IllegalArgumentException("need hours 1.." + v.o3DailyMaxLastWindowEnd() + ", got " + hours.size());
        }
        return dailyMax(movingMeans(hours.subList(v.o3DailyMaxFirstWindowEnd() - width,
                v.o3DailyMaxLastWindowEnd()), v), v);
    }
}
