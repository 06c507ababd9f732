package org.airindex.records;

import org.airindex.domain.AqiResult;
import org.airindex.domain.Pollutant;

/**
 * Daily result for one place (STANDARDS.md §1–§3): 24-hour means (null when fewer than the
 * rule-set's minimum valid hours), O3 daily max 8-hour and max 1-hour values, the daily AQI. A
 * county's value is the mean of its stations' valid daily values, never recomputed from hours.
 */
public class DailyValue {
    public String level;
    public String station;
    public String county;
    public String city;
    public String province;
    /** Local date, ISO yyyy-MM-dd. */
    public String date;
    /** End of the local day (midnight after it), epoch milliseconds. */
    public long dayEnd;
    public Double so2;
    public Double no2;
    public Double co;
    public Double pm10;
    public Double pm25;
    public Double o3EightHourMax;
    public Double o3OneHourMax;
    /** Every pollutant has a valid daily value. */
    public boolean valid;
    public int stations;
    public String rules;
    public Integer aqi;
    public String category;
    public String primary;
    public Integer iaqiSo2;
    public Integer iaqiNo2;
    public Integer iaqiCo;
    public Integer iaqiO3;
    public Integer iaqiO3OneHour;
    public Integer iaqiPm10;
    public Integer iaqiPm25;

    public DailyValue() {}

    /** The six values of the composite index's pollutants; O3 is the daily max 8-hour value. */
    public Double get(Pollutant p) {
        return switch (p) {
            case SO2 -> so2;
            case NO2 -> no2;
            case CO -> co;
            case O3 -> o3EightHourMax;
            case PM10 -> pm10;
            case PM25 -> pm25;
        };
    }

    public void set(Pollutant p, Double v) {
        switch (p) {
            case SO2 -> so2 = v;
            case NO2 -> no2 = v;
            case CO -> co = v;
            case O3 -> o3EightHourMax = v;
            case PM10 -> pm10 = v;
            case PM25 -> pm25 = v;
        }
    }

    public String placeKey() {
        return level.equals(HourlyValue.STATION) ? station : Places.keyAt(level, province, city, county);
    }

    public void setAqi(String ruleSetId, AqiResult r) {
        rules = ruleSetId;
        aqi = r.aqi();
        category = r.category() == null ? null : r.category().chinese();
        primary = r.primaryJoined();
        iaqiSo2 = r.iaqi("so2");
        iaqiNo2 = r.iaqi("no2");
        iaqiCo = r.iaqi("co");
        iaqiO3 = r.iaqi("o3");
        iaqiO3OneHour = r.iaqi("o3_1h");
        iaqiPm10 = r.iaqi("pm10");
        iaqiPm25 = r.iaqi("pm25");
    }

    @Override
    public String toString() {
        return "DailyValue{" + level + " " + placeKey() + " " + date + " so2=" + so2 + " no2=" + no2 + " co=" + co
                + " pm10=" + pm10 + " pm25=" + pm25 + " o3_8h_max=" + o3EightHourMax + " o3_1h_max=" + o3OneHourMax
                + " valid=" + valid + " aqi=" + aqi + "}";
    }
}
