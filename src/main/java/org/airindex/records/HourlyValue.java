package org.airindex.records;

/**
 * Hourly result for one place: a station, or a county, city or province (the mean of its valid
 * stations' hourly values). Concentrations are unrounded means: they are rounded only when
 * reported or when they enter an IAQI (GB/T 8170 forbids successive rounding).
 */
public class HourlyValue extends PlaceAqi {
    public static final String STATION = "station";
    public static final String COUNTY = "county";
    public static final String CITY = "city";
    public static final String PROVINCE = "province";

    /** End of the hour (end-labelled, STANDARDS.md §1), epoch milliseconds. */
    public long hourEnd;

    public HourlyValue() {}

    @Override
    public String toString() {
        return "HourlyValue{" + level + " " + placeKey() + " hourEnd=" + hourEnd + " so2=" + so2 + " no2=" + no2
                + " co=" + co + " o3=" + o3 + " pm10=" + pm10 + " pm25=" + pm25 + " stations=" + stations
                + " aqi=" + aqi + " " + category + " primary=" + primary + "}";
    }
}
