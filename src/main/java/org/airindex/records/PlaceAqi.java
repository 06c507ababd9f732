package org.airindex.records;

import org.airindex.domain.AqiResult;

/**
 * What an hourly and a daily row share: the place (a station, or a county, city or province), how
 * many stations it rests on, and the AQI computed from its concentrations under one rule-set.
 */
public abstract class PlaceAqi extends Concentrations {
    public String level;
    /** Station code for station rows, null otherwise. */
    public String station;
    public String county;
    public String city;
    public String province;
    /** Stations with a valid value (1 or 0 for a station row). */
    public int stations;
    public String rules;
    /** Null when the publication rule withholds the AQI. */
    public Integer aqi;
    public String category;
    public String primary;
    public Integer iaqiSo2;
    public Integer iaqiNo2;
    public Integer iaqiCo;
    /** The IAQI of {@code o3}: 1-hour for an hour, daily max 8-hour for a day. */
    public Integer iaqiO3;
    public Integer iaqiPm10;
    public Integer iaqiPm25;
    public boolean overRange;

    /** The place this row describes, unique across the province (county names repeat). */
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
        iaqiPm10 = r.iaqi("pm10");
        iaqiPm25 = r.iaqi("pm25");
        overRange = r.overRange();
    }
}
