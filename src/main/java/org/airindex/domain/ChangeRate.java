package org.airindex.domain;

/** Year-on-year change rate (同比), in percent; negative is an improvement (STANDARDS.md §4). */
public final class ChangeRate {
    private ChangeRate() {
    }

    /**
     * (now − lastYear) / lastYear × 100, rounded half-even to the decimals of common.yaml (one).
     * Pass the values as they are compared in the bulletin (reported or unrounded): the rate is
     * computed from exactly what it is given.
     */
    public static double percent(double now, double lastYear) {
        if (!(lastYear > 0) || Double.isNaN(now) || Double.isInfinite(now) || Double.isInfinite(lastYear)) {
            throw new IllegalArgumentException("change rate needs a positive base and finite values: now=" + now
                    + ", lastYear=" + lastYear);
        }
        Exact l = Exact.of(lastYear);
        // Rounded on the exact quotient: a quotient cut to 16 digits first would be rounded twice.
        return Exact.of(now).minus(l).times(100).dividedBy(l).round(CommonTables.get().changeRateDecimals).doubleValue();
    }
}
