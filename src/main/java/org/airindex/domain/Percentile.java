package org.airindex.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Percentile by HJ 663: sort ascending, k = 1 + (n−1)·p, s = ⌊k⌋,
 * P = X(s) + (X(s+1) − X(s))·(k − s), X(n) when s = n.
 * k is computed in decimal so that e.g. 1 + 20·0.95 is exactly 20, not 19.999….
 */
public final class Percentile {
    private Percentile() {
    }

    public static double of(double[] values, double p) {
        List<Double> boxed = new ArrayList<>(values.length);
        for (double v : values) {
            boxed.add(v);
        }
        return exact(boxed, p).toDouble();
    }

    /**
     * The exact percentile: doubles count as the decimals they denote ({@link Exact#of(double)}). Values
     * are sorted by their doubles, and by their exact values only where two doubles are equal.
     */
    public static Exact exact(List<? extends Number> values, double p) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("percentile of no values");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be within [0,1]: " + p);
        }
        Number[] x = values.toArray(new Number[0]);
        for (Number v : x) {
            if (Double.isNaN(v.doubleValue())) {
                throw new IllegalArgumentException("NaN in percentile input");
            }
        }
        Arrays.sort(x, ORDER);
        int n = x.length;
        BigDecimal k = BigDecimal.ONE.add(BigDecimal.valueOf(n - 1L).multiply(BigDecimal.valueOf(p)));
        int s = k.intValue();
        if (s >= n) {
            return Exact.of(x[n - 1]);
        }
        Exact fraction = Exact.of(k.subtract(BigDecimal.valueOf(s)));
        Exact lo = Exact.of(x[s - 1]);
        Exact hi = Exact.of(x[s]);
        return lo.plus(hi.minus(lo).times(fraction));
    }

    private static final Comparator<Number> ORDER = (a, b) -> {
        int byDouble = Double.compare(a.doubleValue(), b.doubleValue());
        return byDouble != 0 || a instanceof Double && b instanceof Double ? byDouble : Exact.of(a).compareTo(Exact.of(b));
    };
}
