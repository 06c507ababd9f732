package org.airindex.records;

import java.util.List;
import org.airindex.domain.Exact;
import org.airindex.domain.ExactSum;

/**
 * The place hierarchy station → county → city → province and the rules shared by every level
 * (STANDARDS.md §3). County names repeat across cities (城区), so a county's key includes its city.
 */
public final class Places {
    public static final List<String> PLACE_LEVELS = List.of(HourlyValue.COUNTY, HourlyValue.CITY, HourlyValue.PROVINCE);

    private Places() {}

    public static String requirePlaceLevel(String level) {
        if (!PLACE_LEVELS.contains(level)) {
            throw new IllegalArgumentException("not a place level: " + level);
        }
        return level;
    }

    /** The key of the place at {@code level} that contains a station of the given county, city, province. */
    public static String keyAt(String level, String province, String city, String county) {
        return switch (level) {
            case HourlyValue.COUNTY -> province + "/" + city + "/" + county;
            case HourlyValue.CITY -> province + "/" + city;
            case HourlyValue.PROVINCE -> province;
            default -> throw new IllegalArgumentException("not a place level: " + level);
        };
    }

    public static String cityAt(String level, String city) {
        return level.equals(HourlyValue.PROVINCE) ? null : city;
    }

    public static String countyAt(String level, String county) {
        return level.equals(HourlyValue.COUNTY) ? county : null;
    }

    /** Exact mean of the stations' valid values, or null when fewer than {@code minStations} have one. */
    public static Exact meanOfStations(List<? extends Number> values, int minStations) {
        ExactSum sum = new ExactSum();
        for (Number v : values) {
            if (v != null) {
                sum.add(v);
            }
        }
        return sum.count() >= minStations ? sum.exactMean() : null;
    }
}
