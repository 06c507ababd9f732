package org.airindex.records;

import org.airindex.domain.Pollutant;

/**
 * The six concentrations a reading, an hourly or a daily row carries (null = missing), with access
 * by pollutant. CO in mg/m³, the others in µg/m³. What {@code o3} means is the subclass's: the O3
 * of a reading or an hour is its 1-hour value, of a day the daily maximum 8-hour value.
 */
public abstract class Concentrations {
    public Double so2;
    public Double no2;
    public Double co;
    public Double o3;
    public Double pm10;
    public Double pm25;

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

    public void set(Pollutant p, Double v) {
        switch (p) {
            case SO2 -> so2 = v;
            case NO2 -> no2 = v;
            case CO -> co = v;
            case O3 -> o3 = v;
            case PM10 -> pm10 = v;
            case PM25 -> pm25 = v;
        }
    }
}
