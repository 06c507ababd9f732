package org.airindex.domain.province;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A province's reward and penalty scheme (STANDARDS.md §6), read from a YAML file such as
 * {@code conf/schemes/default.yaml}; the file format is described there.
 *
 * @param rules indicator ({@code composite}, {@code pm25}) → comparison ({@code average_value},
 *              {@code improvement_rate}) → coefficient rule; a comparison without a rule is not settled
 */
public record RewardScheme(String id, String name, String currency, Scope scope, ComparisonSettings comparison,
        Map<String, Map<String, CoefficientRule>> rules) implements Serializable {
    public static final String COMPOSITE = "composite";
    public static final String PM25 = "pm25";
    public static final String AVERAGE_VALUE = "average_value";
    public static final String IMPROVEMENT_RATE = "improvement_rate";

    /** 万元 = 10,000 CNY; four decimals carry whole CNY without loss. */
    private static final int WAN_DECIMALS = 4;
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    public RewardScheme {
        rules = Map.copyOf(rules);
    }

    public static RewardScheme load(Path file) {
        return SchemeReader.read(SchemeReader.readFile(file), file.toString());
    }

    /** The scheme of a file, or the jar's default (the seed case) when no file is named. */
    public static RewardScheme fileOrDefault(String file, boolean named) {
        return named ? load(Path.of(file)) : fromClasspath("schemes/default.yaml");
    }

    /** A scheme shipped inside the jar, e.g. {@code schemes/default.yaml}. */
    public static RewardScheme fromClasspath(String resource) {
        return SchemeReader.read(SchemeReader.readClasspath(resource), resource);
    }

    /**
     * Settles each in-scope place against the provincial averages, every comparison on its own.
     * A comparison is skipped when the place or the province lacks the figure it needs.
     */
    public List<MoneyEntry> settle(String period, ProvinceAverages averages, List<PlaceStanding> places,
            Map<String, LastYearStanding> lastYear) {
        List<MoneyEntry> out = new ArrayList<>();
        for (PlaceStanding p : places) {
            if (!scope.includes(p.place(), lastYear)) {
                continue;
            }
            settle(out, period, p, COMPOSITE, AVERAGE_VALUE, p.composite(), averages.composite());
            settle(out, period, p, COMPOSITE, IMPROVEMENT_RATE, p.compositeChange(), averages.compositeChange());
            settle(out, period, p, PM25, AVERAGE_VALUE, p.pm25(), averages.pm25());
            settle(out, period, p, PM25, IMPROVEMENT_RATE, p.pm25Change(), averages.pm25Change());
        }
        return out;
    }

    /** Lower is better for values and for change rates alike, so a place below the base earns a reward. */
    private void settle(List<MoneyEntry> out, String period, PlaceStanding p, String indicator, String comparison,
            Double value, Double base) {
        CoefficientRule rule = rules.getOrDefault(indicator, Map.of()).get(comparison);
        if (rule == null || value == null || base == null) {
            return;
        }
        BigDecimal difference = BigDecimal.valueOf(base).subtract(BigDecimal.valueOf(value));
        BigDecimal cny = rule.amountCny(difference).multiply(BigDecimal.valueOf(difference.signum()))
                .setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal wan = cny.divide(WAN).setScale(WAN_DECIMALS, RoundingMode.HALF_EVEN);
        out.add(new MoneyEntry(p.place(), period, indicator, comparison, cny.doubleValue(), wan.doubleValue(),
                rule.illustrative()));
    }
}
