package org.airindex.domain.alerts;

import java.util.function.Predicate;

/** Runs of consecutive end-labelled hours in a series by hour end (epoch ms). */
public final class Runs {
    public static final long HOUR_MS = 3_600_000L;

    private Runs() {
    }

    /**
     * How many consecutive hours ending at {@code t} (t, t−1h, …) are present and satisfy the test;
     * a missing hour ends the run, since nothing is known about it.
     */
    public static <V> int length(HourSeries<V> series, long t, Predicate<V> test) {
        int n = 0;
        for (long h = t; ; h -= HOUR_MS) {
            V v = series.at(h);
            if (v == null || !test.test(v)) {
                return n;
            }
            n++;
        }
    }

    /** Start of a run of {@code hours} hours ending at {@code t}: the beginning of its first hour. */
    public static long start(long t, int hours) {
        return t - (long) hours * HOUR_MS;
    }
}
