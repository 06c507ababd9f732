package org.airindex.records;

import org.airindex.domain.AqiResult;

/**
 * Daily result for one place (STANDARDS.md §1–§3): 24-hour means (null when fewer than the
 * rule-set's minimum valid hours), {@code o3} = the O3 daily maximum 8-hour value, the max 1-hour
 * value, the daily AQI. A county's value is the mean of its stations' valid daily values, never
 * recomputed from hours.
 */
public class DailyValue extends PlaceAqi {
    /** Local date, ISO yyyy-MM-dd. */
    public String date;
    /** End of the local day (midnight after it), epoch milliseconds. */
    public long dayEnd;
    /** O3 daily maximum 1-hour value (enters the daily AQI under HJ 633-2012). */
    public Double o3OneHourMax;
    /** Every pollutant has a valid daily value. */
    public boolean valid;
    public Integer iaqiO3OneHour;

    public DailyValue() {}

    /** Adds the O3 1-hour IAQI, which only the 2012 daily AQI has. */
    @Override
    public void setAqi(String ruleSetId, AqiResult r) {
        super.setAqi(ruleSetId, r);
        iaqiO3OneHour = r.iaqi("o3_1h");
    }

    @Override
    public String toString() {
        return "DailyValue{" + level + " " + placeKey() + " " + date + " so2=" + so2 + " no2=" + no2 + " co=" + co
                + " pm10=" + pm10 + " pm25=" + pm25 + " o3_8h_max=" + o3 + " o3_1h_max=" + o3OneHourMax
                + " valid=" + valid + " aqi=" + aqi + "}";
    }
}
