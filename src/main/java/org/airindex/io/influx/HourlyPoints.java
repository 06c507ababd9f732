package org.airindex.io.influx;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import org.airindex.domain.Category;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.records.HourlyValue;

/**
 * Hourly rows as InfluxDB points: measurement {@code <level>_hourly}, tags = the place, timestamp
 * = the hour's end, so a recomputed hour overwrites its earlier point. Concentrations are written
 * as the standards report them (µg/m³ integers, CO one decimal).
 */
public final class HourlyPoints {
    private HourlyPoints() {}

    public static String measurement(String level) {
        return level + "_hourly";
    }

    public static String line(HourlyValue v) {
        Point p = Point.measurement(measurement(v.level)).time(v.hourEnd / 1000, WritePrecision.S);
        p.addTag("province", v.province);
        if (v.city != null) {
            p.addTag("city", v.city);
        }
        if (v.county != null) {
            p.addTag("county", v.county);
        }
        if (v.station != null) {
            p.addTag("station", v.station);
        }
        for (Pollutant pol : Pollutant.values()) {
            Double c = v.get(pol);
            if (c != null) {
                p.addField(pol.code(), Rounding.reported(pol, c));
            }
        }
        p.addField("stations", v.stations);
        p.addField("rules", v.rules);
        p.addField("over_range", v.overRange);
        p.addField("primary", v.primary == null ? "" : v.primary);
        if (v.aqi != null) {
            p.addField("aqi", v.aqi);
            p.addField("category", v.category);
            p.addField("category_level", Category.of(v.aqi).level());
        }
        addIfPresent(p, "iaqi_so2", v.iaqiSo2);
        addIfPresent(p, "iaqi_no2", v.iaqiNo2);
        addIfPresent(p, "iaqi_co", v.iaqiCo);
        addIfPresent(p, "iaqi_o3", v.iaqiO3);
        addIfPresent(p, "iaqi_pm10", v.iaqiPm10);
        addIfPresent(p, "iaqi_pm25", v.iaqiPm25);
        return p.toLineProtocol();
    }

    private static void addIfPresent(Point p, String field, Integer value) {
        if (value != null) {
            p.addField(field, value);
        }
    }
}
