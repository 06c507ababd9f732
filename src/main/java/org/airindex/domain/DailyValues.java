package org.airindex.domain;

import java.io.Serializable;

/**
 * The unrounded inputs of one daily AQI; null = missing (or invalid by §1 validity).
 * {@code o3_1h_max} enters only under rule-sets with {@code daily.o3_1h_max: true} (HJ 633-2012).
 */
public record DailyValues(Double so2, Double no2, Double co, Double pm10, Double pm25,
                          Double o3_8h_max, Double o3_1h_max) implements Serializable {

    public static DailyValues of(Double so2, Double no2, Double co, Double pm10, Double pm25,
                                 Double o3_8h_max, Double o3_1h_max) {
        return new DailyValues(so2, no2, co, pm10, pm25, o3_8h_max, o3_1h_max);
    }
}
