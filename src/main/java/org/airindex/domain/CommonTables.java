package org.airindex.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The tables every rule-set shares (categories, reporting decimals), read once from the
 * classpath file {@code standards/common.yaml} because the static APIs that use them
 * ({@link Category#of}, {@link Rounding}) have no rule-set at hand.
 */
final class CommonTables {
    static final String RESOURCE = "standards/common.yaml";

    private static final class Holder {
        static final CommonTables INSTANCE = new CommonTables(YamlFiles.readClasspath(RESOURCE));
    }

    /** Inclusive upper AQI of each category, by ordinal; the last is open-ended. */
    final int[] maxAqi;
    final int[] level;
    final String[] chinese;
    final String[] english;
    final int[][] rgb;
    final Map<Pollutant, Integer> reportDecimals = new EnumMap<>(Pollutant.class);
    final int changeRateDecimals;

    private CommonTables(JsonNode root) {
        JsonNode categories = YamlFiles.required(root, "categories", RESOURCE);
        int n = Category.values().length;
        if (categories.size() != n) {
            throw new StandardsFormatException(RESOURCE + ": expected " + n + " categories, found " + categories.size());
        }
        maxAqi = new int[n];
        level = new int[n];
        chinese = new String[n];
        english = new String[n];
        rgb = new int[n][];
        for (int i = 0; i < n; i++) {
            JsonNode c = categories.get(i);
            JsonNode max = c.get("max_aqi");
            boolean last = i == n - 1;
            if ((max == null || max.isNull()) != last) {
                throw new StandardsFormatException(RESOURCE + ": only the last category is open-ended (max_aqi: null)");
            }
            maxAqi[i] = last ? Integer.MAX_VALUE : max.asInt();
            level[i] = YamlFiles.required(c, "level", RESOURCE).asInt();
            chinese[i] = YamlFiles.required(c, "chinese", RESOURCE).asText();
            english[i] = YamlFiles.required(c, "english", RESOURCE).asText();
            JsonNode colour = YamlFiles.required(c, "rgb", RESOURCE);
            rgb[i] = new int[] {colour.get(0).asInt(), colour.get(1).asInt(), colour.get(2).asInt()};
        }
        JsonNode decimals = YamlFiles.required(root, "report_decimals", RESOURCE);
        for (Pollutant p : Pollutant.values()) {
            reportDecimals.put(p, YamlFiles.required(decimals, p.code(), RESOURCE).asInt());
        }
        changeRateDecimals = YamlFiles.required(root, "change_rate_decimals", RESOURCE).asInt();
    }

    static CommonTables get() {
        return Holder.INSTANCE;
    }
}
