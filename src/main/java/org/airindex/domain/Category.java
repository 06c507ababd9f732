package org.airindex.domain;

import java.util.Locale;

/**
 * AQI category (HJ 633 levels I..VI). Bounds, names and colours come from
 * {@code standards/common.yaml}; the enum only fixes how many levels there are.
 */
public enum Category {
    GOOD, MODERATE, LIGHTLY_POLLUTED, MODERATELY_POLLUTED, HEAVILY_POLLUTED, SEVERELY_POLLUTED;

    /** The category of an AQI value; the upper bound of each level is inclusive. */
    public static Category of(int aqi) {
        if (aqi < 0) {
            throw new IllegalArgumentException("negative AQI: " + aqi);
        }
        int[] max = CommonTables.get().maxAqi;
        Category[] all = values();
        for (int i = 0; i < all.length; i++) {
            if (aqi <= max[i]) {
                return all[i];
            }
        }
        return all[all.length - 1];
    }

    public int level() {
        return CommonTables.get().level[ordinal()];
    }

    public String chinese() {
        return CommonTables.get().chinese[ordinal()];
    }

    public String english() {
        return CommonTables.get().english[ordinal()];
    }

    public int[] rgb() {
        return CommonTables.get().rgb[ordinal()].clone();
    }

    /** Colour as {@code #RRGGBB}, for reports and maps. */
    public String hex() {
        int[] c = rgb();
        return String.format(Locale.ROOT, "#%02X%02X%02X", c[0], c[1], c[2]);
    }
}
