package org.airindex.records;

import org.airindex.domain.Pollutant;

/**
 * One raw station reading (STANDARDS.md §7): concentrations averaged over {@code (ts - interval, ts]}.
 * A null concentration is missing. CO in mg/m³, the others in µg/m³.
 */
public class Reading {
    public String station;
    /** End of the averaging interval, epoch milliseconds. */
    public long ts;
    public int intervalS = 3600;
    public Double so2;
    public Double no2;
    public Double co;
    public Double o3;
    public Double pm10;
    public Double pm25;

    public Reading() {}

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

    @Override
    public String toString() {
        return "Reading{" + station + " ts=" + ts + " interval=" + intervalS + "s so2=" + so2 + " no2=" + no2
                + " co=" + co + " o3=" + o3 + " pm10=" + pm10 + " pm25=" + pm25 + "}";
    }
}
