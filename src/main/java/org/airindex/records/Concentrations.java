package org.airindex.records;

import org.airindex.domain.Exact;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;

/**
 * The six concentrations a reading, an hourly or a daily row carries (null = missing), with access
 * by pollutant. CO in mg/m³, the others in µg/m³. What {@code o3} means is the subclass's: the O3
 * of a reading or an hour is its 1-hour value, of a day the daily maximum 8-hour value.
 *
 * <p>Each concentration is a double, the one nearest its value. A value that is a mean of means or of
 * minute values is a fraction no double denotes, and rounding the double could round the wrong way at a
 * GB/T 8170 tie; such values also keep their exact fraction ({@link ExactValues}), which
 * {@link #value(Pollutant)} reads and {@link #set(Pollutant, Exact)} writes.
 */
public abstract class Concentrations extends ExactValues {
    public Double so2;
    public Double no2;
    public Double co;
    public Double o3;
    public Double pm10;
    public Double pm25;
    @Override
    public Double get(Pollutant p) {
        return switch (p) {
            case SO2 -> so2;
            case NO2 -> no2;
            case CO -> co;
            case O3 -> o3;
            case PM10 -> pm10;
            case PM25 -> pm25;
        };
    }

    /** Sets a value that is the decimal its double denotes (a reading's own value). */
    public void set(Pollutant p, Double v) {
        setDouble(p, v);
        forget(p.code());
    }

    @Override
    protected void setDouble(Pollutant p, Double v) {
        switch (p) {
            case SO2 -> so2 = v;
            case NO2 -> no2 = v;
            case CO -> co = v;
            case O3 -> o3 = v;
            case PM10 -> pm10 = v;
            case PM25 -> pm25 = v;
        }
    }

    /**
     * Sets a value that no statistic averages again (a county's, city's or province's hour) and the double
     * nearest it. Being only reported, it keeps its fraction only where the double would be reported
     * otherwise, next to a GB/T 8170 tie: most such rows then travel without one.
     */
    public void setReported(Pollutant p, Exact v) {
        Double nearest = v == null ? null : v.toDouble();
        setDouble(p, nearest);
        remember(p.code(), v == null || Rounding.reportedAlike(p, v, nearest) ? null : v);
    }
}
