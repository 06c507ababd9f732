package org.airindex.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The period statistics C_i of the composite index (STANDARDS.md §4), unrounded; null = missing.
 * CO is the 95th percentile of daily means, O3 the 90th percentile of daily max 8h. Each is an
 * {@link Exact} where it was computed, or a double (a value read from a file: the decimal it denotes).
 */
public record PeriodValues(Number so2, Number no2, Number pm10, Number pm25, Number co_p95, Number o3_8h_p90)
        implements Serializable {

    public static PeriodValues of(Number so2, Number no2, Number pm10, Number pm25, Number co_p95, Number o3_8h_p90) {
        return new PeriodValues(so2, no2, pm10, pm25, co_p95, o3_8h_p90);
    }

    public static PeriodValues of(Map<Pollutant, ? extends Number> c) {
        return of(c.get(Pollutant.SO2), c.get(Pollutant.NO2), c.get(Pollutant.PM10), c.get(Pollutant.PM25),
                c.get(Pollutant.CO), c.get(Pollutant.O3));
    }

    /** The statistic that stands for a pollutant in the index. */
    public Number get(Pollutant p) {
        return switch (p) {
            case SO2 -> so2;
            case NO2 -> no2;
            case CO -> co_p95;
            case O3 -> o3_8h_p90;
            case PM10 -> pm10;
            case PM25 -> pm25;
        };
    }

    public List<Pollutant> missing() {
        List<Pollutant> out = new ArrayList<>();
        for (Pollutant p : Pollutant.values()) {
            if (get(p) == null) {
                out.add(p);
            }
        }
        return out;
    }
}
