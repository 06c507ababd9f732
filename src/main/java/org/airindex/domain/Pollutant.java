package org.airindex.domain;

import java.util.Locale;

/** The six pollutants of GB 3095 that enter the AQI and the composite index. */
public enum Pollutant {
    SO2("so2"), NO2("no2"), CO("co"), O3("o3"), PM10("pm10"), PM25("pm25");

    private final String code;

    Pollutant(String code) {
        this.code = code;
    }

    /** The lower-case code used in files, CSV headers and the primary-pollutant list. */
    public String code() {
        return code;
    }

    public static Pollutant fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Pollutant p : values()) {
            if (p.code.equals(c)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pollutant code: " + code);
    }
}
