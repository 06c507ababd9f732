package org.airindex.domain;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An hourly or daily AQI with its sub-indices.
 * IAQI columns: {@code so2,no2,co,o3,pm10,pm25}; {@code o3} is the O3 1h IAQI in an hourly result
 * and the O3 daily max 8h IAQI in a daily one. {@code o3_1h} (daily, HJ 633-2012) and
 * {@code o3_8h} (hourly with {@code realtime_pm: moving_24h}) appear only where the rule-set uses them.
 */
public final class AqiResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Integer aqi;
    private final Category category;
    private final List<String> primary;
    private final Map<String, Integer> iaqi;
    private final boolean overRange;
    private final List<String> missing;

    AqiResult(Integer aqi, List<String> primary, Map<String, Integer> iaqi, boolean overRange, List<String> missing) {
        this.aqi = aqi;
        this.category = aqi == null ? null : Category.of(aqi);
        this.primary = List.copyOf(primary);
        this.iaqi = Collections.unmodifiableMap(new LinkedHashMap<>(iaqi));
        this.overRange = overRange;
        this.missing = List.copyOf(missing);
    }

    /** The AQI, or null when the publication rule for missing pollutants says NA. */
    public Integer aqi() {
        return aqi;
    }

    public Category category() {
        return category;
    }

    /** Pollutant codes whose IAQI equals the AQI (ties all listed); empty when AQI ≤ 50 or NA. */
    public List<String> primary() {
        return primary;
    }

    public String primaryJoined() {
        return String.join(";", primary);
    }

    /** The IAQI of a column, null when its value is missing or the column does not enter. */
    public Integer iaqi(String column) {
        return iaqi.get(column);
    }

    /** The columns that enter under this rule-set and report type, in output order. */
    public List<String> columns() {
        return List.copyOf(iaqi.keySet());
    }

    /** True when some concentration lay above the top of its breakpoint column. */
    public boolean overRange() {
        return overRange;
    }

    /** Columns that should have entered but had no value. */
    public List<String> missing() {
        return missing;
    }

    @Override
    public String toString() {
        return "AqiResult{aqi=" + aqi + ", primary=" + primary + ", iaqi=" + iaqi
                + ", overRange=" + overRange + ", missing=" + missing + '}';
    }
}
