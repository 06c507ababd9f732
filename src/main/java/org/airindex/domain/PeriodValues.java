package org.airindex.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The period statistics C_i of the composite index (STANDARDS.md §4), unrounded; null = missing.
 * CO is the 95th percentile of daily means, O3 the 90th percentile of daily max 8h.
 */
public record PeriodValues(Double so2, Double no2, Double pm10, Double pm25, Double co_p95, Double o3_8h_p90)
        implements Serializable {

    public static PeriodValues of(Double so2, Double no2, Double pm10, Double pm25, Double co_p95, Double o3_8h_p90) {
        return new PeriodValues(so2, no2, pm10, pm25, co_p95, o3_8h_p90);
    }

    /** The statistic that stands for a pollutant in the index. */
    public Double get(Pollutant p) {
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
