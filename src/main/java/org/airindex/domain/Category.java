package org.airindex.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * AQI category (HJ 633 levels I..VI). Bounds, names and colours come from
 * {@code standards/common.yaml}; the enum only fixes how many levels there are.
 */
public enum Category {
    GOOD, MODERATE, LIGHTLY_POLLUTED, MODERATELY_POLLUTED, HEAVILY_POLLUTED, SEVERELY_POLLUTED;

    /** Looked up lazily: enum constants are created before any static field could hold the table. */
    private JsonNode entry() {
        JsonNode list = CommonTables.get().categories;
        if (list.size() != values().length) {
            throw new StandardsFormatException(CommonTables.RESOURCE + ": expected " + values().length
                    + " categories, found " + list.size());
        }
        return list.get(ordinal());
    }

    /** The category of an AQI value; the upper bound of each level is inclusive. */
    public static Category of(int aqi) {
        if (aqi < 0) {
            throw new IllegalArgumentException("negative AQI: " + aqi);
        }
        for (Category c : values()) {
            JsonNode max = c.entry().get("max_aqi");
            if (max == null || max.isNull() || aqi <= max.asInt()) {
                return c;
            }
        }
        throw new StandardsFormatException(CommonTables.RESOURCE + ": the last category must be open-ended");
    }

    public int level() {
        return YamlFiles.required(entry(), "level", CommonTables.RESOURCE).asInt();
    }

    public String chinese() {
        return YamlFiles.required(entry(), "chinese", CommonTables.RESOURCE).asText();
    }

    public String english() {
        return YamlFiles.required(entry(), "english", CommonTables.RESOURCE).asText();
    }

    public int[] rgb() {
        JsonNode rgb = YamlFiles.required(entry(), "rgb", CommonTables.RESOURCE);
        return new int[] {rgb.get(0).asInt(), rgb.get(1).asInt(), rgb.get(2).asInt()};
    }

    /** Colour as {@code #RRGGBB}, for reports and maps. */
    public String hex() {
        int[] c = rgb();
        return String.format(Locale.ROOT, "#%02X%02X%02X", c[0], c[1], c[2]);
    }
}
