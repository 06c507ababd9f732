package org.airindex.records;

import org.airindex.domain.AqiResult;
import org.airindex.domain.Exact;

/**
 * Daily result for one place (STANDARDS.md §1–§3): 24-hour means (null when fewer than the
 * rule-set's minimum valid hours), {@code o3} = the O3 daily maximum 8-hour value, the max 1-hour
 * value, the daily AQI. A county's value is the mean of its stations' valid daily values, never
 * recomputed from hours.
 */
public class DailyValue extends Concentrations {
    private static final String O3_ONE_HOUR = "o3_1h";

    public String level;
    public String station;
    public String county;
    public String city;
    public String province;
    /** Local date, ISO yyyy-MM-dd. */
    public String date;
    /** End of the local day (midnight after it), epoch milliseconds. */
    public long dayEnd;
    /** O3 daily maximum 1-hour value (enters the daily AQI under HJ 633-2012). */
    public Double o3OneHourMax;
    /** Every pollutant has a valid daily value. */
    public boolean valid;
    /**
     * Not a station's day but the expectation that a place reports one: it closes the place's day when
     * none of its stations sent anything, so the place stays in the day's report, as missing.
     */
    public boolean placeholder;
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

    /** The placeholder for a place (of the given level, containing the station-less place fields) and day. */
    public static DailyValue placeholder(String level, String province, String city, String county, String date,
            long dayEnd) {
        DailyValue d = new DailyValue();
        d.placeholder = true;
        d.level = level;
        d.province = province;
        d.city = city;
        d.county = county;
        d.date = date;
        d.dayEnd = dayEnd;
        return d;
    }

    /** The O3 daily maximum 1-hour value for a statistic (see {@link #value(org.airindex.domain.Pollutant)}). */
    public Number o3OneHourMaxValue() {
        return value(O3_ONE_HOUR, o3OneHourMax);
    }

    public void o3OneHourMax(Exact v) {
        o3OneHourMax = keep(O3_ONE_HOUR, v);
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
                + " pm10=" + pm10 + " pm25=" + pm25 + " o3_8h_max=" + o3 + " o3_1h_max=" + o3OneHourMax
                + " valid=" + valid + " aqi=" + aqi + "}";
    }
}
