package org.airindex.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the rules (STANDARDS.md §0): AQI tables, over-range and publication rules,
 * validity thresholds, composite-index parameters and period options, all read from
 * {@code conf/standards/<id>.yaml}. Immutable and serializable so stream operators can hold it.
 */
public final class RuleSet implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Which PM values (and whether O3 8h) enter the hourly AQI. */
    public enum RealtimePm { HOURLY, MOVING_24H }

    /** Whether the composite index takes C_i unrounded (municipal bulletins) or as reported. */
    public enum CompositeInputs { UNROUNDED, ROUNDED }

    /** Which end of a period that straddles a rule-set switch chooses the rule-set. */
    public enum StraddleBasis { END_DATE, START_DATE }

    /** Rule-set of last year's period in a year-on-year comparison: the current one, or its own. */
    public enum YearOnYearBasis { CURRENT, OWN }

    /** What to do above the top of a column: a fixed IAQI, or the IAQI of another column's value. */
    record OverRange(Integer iaqi, String useColumn) implements Serializable {
    }

    private record Entry(String column, String table, Double value) {
    }

    private record Eval(Integer iaqi, boolean overRange) {
    }

    private final String id;
    private final boolean provisional;
    private final LocalDate effectiveFrom;
    private final Map<String, IaqiTable> tables;
    private final int topIaqi;
    private final Map<String, OverRange> overRange;
    private final RealtimePm realtimePm;
    private final boolean dailyO3OneHour;
    private final Integer missingPublishAbove;
    private final Validity validity;
    private final Map<Pollutant, BigDecimal> compositeStandards;
    private final Map<Pollutant, BigDecimal> compositeWeights;
    private final double coPercentile;
    private final double o3Percentile;
    private final CompositeInputs compositeInputs;
    private final int compositeDecimals;
    private final int sharePercentDecimals;
    private final StraddleBasis straddle;
    private final YearOnYearBasis yearOnYear;

    RuleSet(String id, boolean provisional, LocalDate effectiveFrom, Map<String, IaqiTable> tables, int topIaqi,
            Map<String, OverRange> overRange, RealtimePm realtimePm, boolean dailyO3OneHour,
            Integer missingPublishAbove, Validity validity, Map<Pollutant, BigDecimal> compositeStandards,
            Map<Pollutant, BigDecimal> compositeWeights, double coPercentile, double o3Percentile,
            CompositeInputs compositeInputs, int compositeDecimals, int sharePercentDecimals,
            StraddleBasis straddle, YearOnYearBasis yearOnYear) {
        this.id = id;
        this.provisional = provisional;
        this.effectiveFrom = effectiveFrom;
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.topIaqi = topIaqi;
        this.overRange = Collections.unmodifiableMap(new LinkedHashMap<>(overRange));
        this.realtimePm = realtimePm;
        this.dailyO3OneHour = dailyO3OneHour;
        this.missingPublishAbove = missingPublishAbove;
        this.validity = validity;
        this.compositeStandards = Collections.unmodifiableMap(new EnumMap<>(compositeStandards));
        this.compositeWeights = Collections.unmodifiableMap(new EnumMap<>(compositeWeights));
        this.coPercentile = coPercentile;
        this.o3Percentile = o3Percentile;
        this.compositeInputs = compositeInputs;
        this.compositeDecimals = compositeDecimals;
        this.sharePercentDecimals = sharePercentDecimals;
        this.straddle = straddle;
        this.yearOnYear = yearOnYear;
    }

    public String id() {
        return id;
    }

    /**
     * The rule-set as every output names it: its id, marked "2031 provisional" while its tables hold
     * assumptions the standard's text has not confirmed (see the YAML).
     */
    public String label() {
        return provisional ? id + " provisional" : id;
    }

    /** First local data date of the rule-set; null for the oldest, which covers all earlier data. */
    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    /**
     * Real-time AQI: 1h SO2, NO2, CO, O3 on their 1h columns; PM on the 24h columns, from the
     * 1h values ({@code realtime_pm: hourly}) or from the 24h moving means plus O3 8h
     * ({@code moving_24h}).
     */
    public AqiResult hourlyAqi(HourlyValues v) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("so2", "so2_1h", v.so2()));
        entries.add(new Entry("no2", "no2_1h", v.no2()));
        entries.add(new Entry("co", "co_1h", v.co()));
        entries.add(new Entry("o3", "o3_1h", v.o3()));
        boolean moving = realtimePm == RealtimePm.MOVING_24H;
        entries.add(new Entry("pm10", "pm10_24h", moving ? v.pm10_24h() : v.pm10()));
        entries.add(new Entry("pm25", "pm25_24h", moving ? v.pm25_24h() : v.pm25()));
        if (moving) {
            entries.add(new Entry("o3_8h", "o3_8h", v.o3_8h()));
        }
        Map<String, Double> substitutes = new LinkedHashMap<>();
        substitutes.put("so2_24h", v.so2_24h());
        substitutes.put("o3_1h", v.o3());
        return compute(entries, substitutes);
    }

    /** Daily AQI: 24h means on the 24h columns, O3 daily max 8h, and O3 daily max 1h where the rule-set adds it. */
    public AqiResult dailyAqi(DailyValues v) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("so2", "so2_24h", v.so2()));
        entries.add(new Entry("no2", "no2_24h", v.no2()));
        entries.add(new Entry("co", "co_24h", v.co()));
        entries.add(new Entry("o3", "o3_8h", v.o3_8h_max()));
        entries.add(new Entry("pm10", "pm10_24h", v.pm10()));
        entries.add(new Entry("pm25", "pm25_24h", v.pm25()));
        if (dailyO3OneHour) {
            entries.add(new Entry("o3_1h", "o3_1h", v.o3_1h_max()));
        }
        Map<String, Double> substitutes = new LinkedHashMap<>();
        substitutes.put("so2_24h", v.so2());
        substitutes.put("o3_1h", v.o3_1h_max());
        return compute(entries, substitutes);
    }

    /**
     * The IAQI of one concentration on one column (e.g. {@code "pm25_24h"}), after GB/T 8170 rounding.
     * Above the top: the column's fixed over-range IAQI, or 500; a column whose over-range rule
     * needs another value ({@code use_column}) is refused here, use {@link #hourlyAqi}/{@link #dailyAqi}.
     */
    public int iaqi(String column, double concentration) {
        Eval e = evaluate(column, concentration, Map.of());
        if (e.iaqi() == null) {
            throw new IllegalArgumentException(column + " above its top needs the value of "
                    + overRange.get(column).useColumn());
        }
        return e.iaqi();
    }

    public List<String> columnNames() {
        return List.copyOf(tables.keySet());
    }

    private AqiResult compute(List<Entry> entries, Map<String, Double> substitutes) {
        Map<String, Integer> iaqi = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        boolean over = false;
        Integer max = null;
        for (Entry e : entries) {
            Eval r = e.value() == null ? new Eval(null, false) : evaluate(e.table(), e.value(), substitutes);
            iaqi.put(e.column(), r.iaqi());
            over |= r.overRange();
            if (r.iaqi() == null) {
                missing.add(e.column());
            } else if (max == null || r.iaqi() > max) {
                max = r.iaqi();
            }
        }
        Integer aqi = max;
        if (aqi != null && !missing.isEmpty() && missingPublishAbove != null && aqi <= missingPublishAbove) {
            aqi = null;
        }
        List<String> primary = new ArrayList<>();
        // HJ 633 names no primary pollutant while the air is in the first category (AQI ≤ 50).
        if (aqi != null && Category.of(aqi).level() > 1) {
            EnumSet<Pollutant> atTheAqi = EnumSet.noneOf(Pollutant.class);
            for (Entry e : entries) {
                if (aqi.equals(iaqi.get(e.column()))) {
                    atTheAqi.add(tables.get(e.table()).pollutant);
                }
            }
            atTheAqi.forEach(p -> primary.add(p.code()));
        }
        return new AqiResult(aqi, primary, iaqi, over, missing);
    }

    /** IAQI of a value on a table; a null IAQI means the substitute value an over-range rule needs is missing. */
    private Eval evaluate(String table, double value, Map<String, Double> substitutes) {
        IaqiTable t = tables.get(table);
        if (t == null) {
            throw new IllegalArgumentException("unknown column " + table + " in rule-set " + id);
        }
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new IllegalArgumentException(table + ": not a valid concentration: " + value);
        }
        Integer r = t.lookup(Rounding.report(t.pollutant, value));
        if (r != null) {
            return new Eval(r, false);
        }
        OverRange rule = overRange.get(table);
        if (rule == null) {
            return new Eval(topIaqi, true);
        }
        if (rule.iaqi() != null) {
            return new Eval(rule.iaqi(), true);
        }
        Double other = substitutes.get(rule.useColumn());
        if (other == null) {
            return new Eval(null, true);
        }
        // The substitute column's own over-range handling applies; the loaded tables forbid cycles.
        return new Eval(evaluate(rule.useColumn(), other, Map.of()).iaqi(), true);
    }

    /**
     * The composite index of a period. Every C_i is needed: an index over fewer pollutants is not
     * comparable with the others, so a missing one is refused (see {@link PeriodValues#missing()}).
     */
    public CompositeIndex compositeIndex(PeriodValues p) {
        if (!p.missing().isEmpty()) {
            throw new IllegalArgumentException("composite index needs all six statistics, missing " + p.missing());
        }
        Map<Pollutant, Exact> sub = new EnumMap<>(Pollutant.class);
        for (Pollutant pol : Pollutant.values()) {
            Number n = p.get(pol);
            double c = n.doubleValue();
            if (Double.isNaN(c) || Double.isInfinite(c) || c < 0) {
                throw new IllegalArgumentException(pol.code() + ": not a valid statistic: " + c);
            }
            Exact ci = compositeInputs == CompositeInputs.ROUNDED ? Exact.of(Rounding.report(pol, Exact.of(n)))
                    : Exact.of(n);
            sub.put(pol, Exact.of(compositeWeights.get(pol)).times(ci).dividedBy(Exact.of(compositeStandards.get(pol))));
        }
        return new CompositeIndex(sub, compositeDecimals, sharePercentDecimals);
    }

    public Validity validity() {
        return validity;
    }

    public RealtimePm realtimePm() {
        return realtimePm;
    }

    /** Whether the daily AQI includes the O3 daily max 1h (HJ 633-2012). */
    public boolean dailyUsesO3OneHour() {
        return dailyO3OneHour;
    }

    /** With a pollutant missing, the AQI is published only above this; null = always published. */
    public Integer missingPublishAbove() {
        return missingPublishAbove;
    }

    public CompositeInputs compositeInputs() {
        return compositeInputs;
    }

    /** S_i of the composite index. */
    public BigDecimal compositeStandard(Pollutant p) {
        return compositeStandards.get(p);
    }

    /** w_i of the composite index. */
    public BigDecimal compositeWeight(Pollutant p) {
        return compositeWeights.get(p);
    }

    /** p of the CO percentile C_i (0.95). */
    public double coPercentile() {
        return coPercentile;
    }

    /** p of the O3 daily max 8h percentile C_i (0.90). */
    public double o3Percentile() {
        return o3Percentile;
    }

    public int compositeDecimals() {
        return compositeDecimals;
    }

    public StraddleBasis straddle() {
        return straddle;
    }

    public YearOnYearBasis yearOnYear() {
        return yearOnYear;
    }

    @Override
    public String toString() {
        return "RuleSet[" + id + "]";
    }
}
