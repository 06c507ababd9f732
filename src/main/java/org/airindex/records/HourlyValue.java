package org.airindex.records;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.airindex.config.Station;
import org.airindex.domain.AqiResult;

/**
 * Hourly result for one place: a station, or a county, city or province (the mean of its valid
 * stations' hourly values). Concentrations are unrounded means: they are rounded only when
 * reported or when they enter an IAQI (GB/T 8170 forbids successive rounding).
 */
@TypeInfo(HourlyValueSerializer.Factory.class)
public class HourlyValue extends Concentrations {
    public static final String STATION = "station";
    public static final String COUNTY = "county";
    public static final String CITY = "city";
    public static final String PROVINCE = "province";

    public String level;
    /** Station code for station rows, null otherwise. */
    public String station;
    public String county;
    public String city;
    public String province;
    /** End of the hour (end-labelled, STANDARDS.md §1), epoch milliseconds. */
    public long hourEnd;
    /** Stations with at least one valid 1-hour value (1 or 0 for a station row). */
    public int stations;
    public String rules;
    /** Null when the publication rule withholds the AQI. */
    public Integer aqi;
    public String category;
    public String primary;
    public Integer iaqiSo2;
    public Integer iaqiNo2;
    public Integer iaqiCo;
    public Integer iaqiO3;
    public Integer iaqiPm10;
    public Integer iaqiPm25;
    public boolean overRange;

    public HourlyValue() {}

    /** A station's hour ending at hourEnd, its place filled in from the registry, its values not yet. */
    public static HourlyValue ofStation(Station s, long hourEnd) {
        HourlyValue v = new HourlyValue();
        v.level = STATION;
        v.station = s.code();
        v.county = s.county();
        v.city = s.city();
        v.province = s.province();
        v.hourEnd = hourEnd;
        return v;
    }

    /** The place this row describes, unique across the province (county names repeat). */
    public String placeKey() {
        return level.equals(STATION) ? station : Places.keyAt(level, province, city, county);
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
        iaqiPm10 = r.iaqi("pm10");
        iaqiPm25 = r.iaqi("pm25");
        overRange = r.overRange();
    }

    @Override
    public String toString() {
        return "HourlyValue{" + level + " " + placeKey() + " hourEnd=" + hourEnd + " so2=" + so2 + " no2=" + no2
                + " co=" + co + " o3=" + o3 + " pm10=" + pm10 + " pm25=" + pm25 + " stations=" + stations
                + " aqi=" + aqi + " " + category + " primary=" + primary + "}";
    }
}
