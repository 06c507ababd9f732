package org.airindex.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 环境空气质量综合指数 I_sum = Σ w_i·C_i/S_i with each pollutant's sub-index I_i and share
 * (STANDARDS.md §4). Built by {@link RuleSet#compositeIndex(PeriodValues)}.
 */
public final class CompositeIndex implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BigDecimal composite;
    private final Exact sum;
    private final Map<Pollutant, Exact> subIndex;
    private final int sharePercentDecimals;

    CompositeIndex(Map<Pollutant, Exact> subIndices, int decimals, int sharePercentDecimals) {
        Exact total = Exact.ZERO;
        for (Exact e : subIndices.values()) {
            total = total.plus(e);
        }
        this.sum = total;
        this.composite = total.round(decimals);
        this.subIndex = Collections.unmodifiableMap(new EnumMap<>(subIndices));
        this.sharePercentDecimals = sharePercentDecimals;
    }

    /** I_sum rounded to the rule-set's decimals (2), half-even on the exact value. */
    public double composite() {
        return composite.doubleValue();
    }

    /** I_sum as reported, keeping trailing zeros ("3.10"). */
    public BigDecimal compositeDecimal() {
        return composite;
    }

    public double unroundedComposite() {
        return sum.toDouble();
    }

    /** I_i = w_i·C_i/S_i, unrounded. */
    public double subIndex(Pollutant p) {
        return subIndex.get(p).toDouble();
    }

    /** I_i / I_sum as a fraction of 1 (0 when the index is 0). */
    public double share(Pollutant p) {
        return sum.signum() == 0 ? 0 : subIndex.get(p).dividedBy(sum).toDouble();
    }

    /** The share in percent, rounded half-even to the rule-set's {@code share_percent_decimals}. */
    public BigDecimal sharePercent(Pollutant p) {
        if (sum.signum() == 0) {
            return BigDecimal.ZERO.setScale(sharePercentDecimals);
        }
        return subIndex.get(p).times(100).dividedBy(sum).round(sharePercentDecimals);
    }

    /** The pollutant with the largest sub-index; the first in {@link Pollutant} order on a tie. */
    public Pollutant largest() {
        return largestAll().get(0);
    }

    /** Every pollutant whose sub-index equals the largest. */
    public List<Pollutant> largestAll() {
        Exact max = Collections.max(subIndex.values());
        List<Pollutant> out = new ArrayList<>();
        for (Pollutant p : Pollutant.values()) {
            if (subIndex.get(p).equals(max)) {
                out.add(p);
            }
        }
        return out;
    }
}
