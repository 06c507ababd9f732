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

    final JsonNode categories;
    final Map<Pollutant, Integer> reportDecimals = new EnumMap<>(Pollutant.class);
    final int changeRateDecimals;

    private CommonTables(JsonNode root) {
        categories = YamlFiles.required(root, "categories", RESOURCE);
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
