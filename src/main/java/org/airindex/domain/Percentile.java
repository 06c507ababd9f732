package org.airindex.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Percentile by HJ 663: sort ascending, k = 1 + (n−1)·p, s = ⌊k⌋,
 * P = X(s) + (X(s+1) − X(s))·(k − s), X(n) when s = n.
 * k is computed in decimal so that e.g. 1 + 20·0.95 is exactly 20, not 19.999….
 */
public final class Percentile {
    private Percentile() {
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
        Ranked[] x = new Ranked[values.size()];
        for (int i = 0; i < x.length; i++) {
            Number v = values.get(i);
            x[i] = new Ranked(v.doubleValue(), v);
            if (Double.isNaN(x[i].approx)) {
                throw new IllegalArgumentException("NaN in percentile input");
            }
        }
        Arrays.sort(x);
        int n = x.length;
        BigDecimal k = BigDecimal.ONE.add(BigDecimal.valueOf(n - 1L).multiply(BigDecimal.valueOf(p)));
        int s = k.intValue();
        if (s >= n) {
            return Exact.of(x[n - 1].value);
        }
        Exact fraction = Exact.of(k.subtract(BigDecimal.valueOf(s)));
        Exact lo = Exact.of(x[s - 1].value);
        Exact hi = Exact.of(x[s].value);
        return lo.plus(hi.minus(lo).times(fraction));
    }

    /** A value with its double taken once: sorted by the double, and by the exact value where doubles tie. */
    private record Ranked(double approx, Number value) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            int byDouble = Double.compare(approx, o.approx);
            return byDouble != 0 ? byDouble : Exact.compare(value, o.value);
        }
    }
}
