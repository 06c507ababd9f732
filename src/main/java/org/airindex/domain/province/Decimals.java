package org.airindex.domain.province;

import java.math.BigDecimal;
import java.util.List;
import org.airindex.domain.Exact;

/**
 * Sums and means over the decimal values of doubles, so that 0.1 + 0.2 is 0.3 and hand-checked
 * figures compare exactly; the result is converted to double once.
 */
final class Decimals {
    private Decimals() {
    }

    static BigDecimal of(double v) {
        return BigDecimal.valueOf(v);
    }

    static BigDecimal sum(List<Double> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (double v : values) {
            s = s.add(of(v));
        }
        return s;
    }

    /** Arithmetic mean, null for no values. */
    static Double mean(List<Double> values) {
        return values.isEmpty() ? null : divide(sum(values), BigDecimal.valueOf(values.size()));
    }

    /** The double nearest a / b (a mean of decimals need not end, and is rounded once). */
    static double divide(BigDecimal a, BigDecimal b) {
        return Exact.of(a).dividedBy(Exact.of(b)).toDouble();
    }
}
