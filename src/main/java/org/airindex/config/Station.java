package org.airindex.config;

import java.io.Serializable;

/** A monitoring station (监测站点) and the places it belongs to; coordinates null when unknown (nothing computes with them). */
public record Station(
        String code, String name, String county, String city, String province, Double lat, Double lon)
        implements Serializable {

    /** Identifies the county among all counties: county names repeat across cities (e.g. 城区). */
    public String countyKey() {
        return province + "/" + city + "/" + county;
    }

    public String cityKey() {
        return province + "/" + city;
    }
}
