package org.airindex.reports;

import static org.airindex.domain.province.RewardScheme.AVERAGE_VALUE;
import static org.airindex.domain.province.RewardScheme.COMPOSITE;
import static org.airindex.domain.province.RewardScheme.IMPROVEMENT_RATE;
import static org.airindex.domain.province.RewardScheme.PM25;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.airindex.reports.Results.Money;

/**
 * One assessed place's month in the bulletin: its values, its change rates (同比, percent) and its settled
 * comparisons by {@code indicator/comparison} (positive amounts are rewards, negative penalties, whole CNY);
 * a comparison the scheme does not settle, or that was not settled for this place, is absent.
 */
public record CountySettlement(String place, String name, Double composite, Double compositeChange, Double pm25,
        Double pm25Change, Map<String, Money> settled) {

    public CountySettlement {
        settled = Map.copyOf(settled);
    }

    static CountySettlement of(Results.PlacePeriod p, String name, List<Money> money) {
        Map<String, Money> settled = new HashMap<>();
        for (Money m : money) {
            if (settled.put(m.indicator() + "/" + m.comparison(), m) != null) {
                throw new ResultsException(p.place() + " is settled twice on " + m.indicator() + " " + m.comparison()
                        + " for " + m.period());
            }
        }
        return new CountySettlement(p.place(), name, p.composite(), p.compositeChange(), p.pm25(), p.pm25Change(),
                settled);
    }

    public Long amount(String indicator, String comparison) {
        Money m = settled.get(indicator + "/" + comparison);
        return m == null ? null : m.amountCny();
    }

    /** Whether the amount comes from coefficients the scheme marks illustrative (not a published rule). */
    public boolean illustrative(String indicator, String comparison) {
        Money m = settled.get(indicator + "/" + comparison);
        return m != null && m.illustrative();
    }

    /** The amount of one indicator: its two comparisons, null when neither was settled. */
    public Long subtotal(String indicator) {
        Long a = amount(indicator, AVERAGE_VALUE);
        Long b = amount(indicator, IMPROVEMENT_RATE);
        return a == null && b == null ? null : (a == null ? 0 : a) + (b == null ? 0 : b);
    }

    public long total() {
        return settled.values().stream().mapToLong(Money::amountCny).sum();
    }

    /** The indicators in the order bulletins give them. */
    public static final List<String> INDICATORS = List.of(COMPOSITE, PM25);
}
