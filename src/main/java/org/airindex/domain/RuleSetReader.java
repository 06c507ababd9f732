package org.airindex.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds a {@link RuleSet} from its (inheritance-merged) YAML tree, checking the tables as it goes. */
final class RuleSetReader {
    /** Columns the hourly and daily AQI refer to; every rule-set must define them all. */
    private static final String[] REQUIRED_COLUMNS = {
        "so2_24h", "so2_1h", "no2_24h", "no2_1h", "co_24h", "co_1h", "o3_1h", "o3_8h", "pm10_24h", "pm25_24h"};

    private final String source;

    private RuleSetReader(String source) {
        this.source = source;
    }

    static RuleSet read(JsonNode root, String source, LocalDate effectiveFrom) {
        return new RuleSetReader(source).build(root, effectiveFrom);
    }

    private RuleSet build(JsonNode root, LocalDate effectiveFrom) {
        String id = req(root, "id").asText();
        JsonNode aqi = req(root, "aqi");
        JsonNode levels = req(aqi, "iaqi");
        int[] iaqi = new int[levels.size()];
        for (int i = 0; i < iaqi.length; i++) {
            iaqi[i] = levels.get(i).asInt();
            if (i > 0 && iaqi[i] <= iaqi[i - 1]) {
                throw fail("aqi.iaqi must increase");
            }
        }
        Map<String, IaqiTable> tables = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> cols = req(aqi, "columns").fields();
        while (cols.hasNext()) {
            Map.Entry<String, JsonNode> c = cols.next();
            tables.put(c.getKey(), table(c.getKey(), c.getValue(), iaqi));
        }
        for (String name : REQUIRED_COLUMNS) {
            if (!tables.containsKey(name)) {
                throw fail("aqi.columns." + name + " is missing");
            }
        }
        Map<String, RuleSet.OverRange> overRange = overRange(aqi.get("over_range"), tables);

        JsonNode periods = req(root, "periods");
        JsonNode composite = req(root, "composite");
        JsonNode publish = req(root, "publication").get("missing_publish_above");
        JsonNode provisional = root.get("provisional");
        return new RuleSet(id, provisional != null && provisional.asBoolean(), effectiveFrom, tables,
                iaqi[iaqi.length - 1], overRange,
                option(RuleSet.RealtimePm.class, req(req(root, "hourly"), "realtime_pm"), "hourly.realtime_pm"),
                req(req(root, "daily"), "o3_1h_max").asBoolean(),
                publish == null || publish.isNull() ? null : publish.asInt(),
                validity(req(root, "validity")),
                perPollutant(req(composite, "standards"), "composite.standards", true),
                perPollutant(req(composite, "weights"), "composite.weights", false),
                req(composite, "co_percentile").decimalValue().doubleValue(),
                req(composite, "o3_percentile").decimalValue().doubleValue(),
                option(RuleSet.CompositeInputs.class, req(composite, "inputs"), "composite.inputs"),
                req(composite, "decimals").asInt(),
                req(composite, "share_percent_decimals").asInt(),
                option(RuleSet.StraddleBasis.class, req(periods, "straddle"), "periods.straddle"),
                option(RuleSet.YearOnYearBasis.class, req(periods, "year_on_year"), "periods.year_on_year"));
    }

    private IaqiTable table(String name, JsonNode list, int[] iaqi) {
        Pollutant p;
        try {
            p = Pollutant.fromCode(name.substring(0, Math.max(0, name.indexOf('_'))));
        } catch (IllegalArgumentException e) {
            throw fail("aqi.columns." + name + ": a column is named <pollutant>_<averaging time>");
        }
        if (list.size() < 2 || list.size() > iaqi.length) {
            throw fail("aqi.columns." + name + " needs 2.." + iaqi.length + " breakpoints");
        }
        BigDecimal[] bp = new BigDecimal[list.size()];
        for (int i = 0; i < bp.length; i++) {
            bp[i] = list.get(i).decimalValue();
            if (i == 0 ? bp[i].signum() != 0 : bp[i].compareTo(bp[i - 1]) <= 0) {
                throw fail("aqi.columns." + name + " must start at 0 and increase");
            }
        }
        int[] levels = new int[bp.length];
        System.arraycopy(iaqi, 0, levels, 0, bp.length);
        return new IaqiTable(name, p, bp, levels);
    }

    private Map<String, RuleSet.OverRange> overRange(JsonNode node, Map<String, IaqiTable> tables) {
        Map<String, RuleSet.OverRange> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!tables.containsKey(e.getKey())) {
                throw fail("aqi.over_range." + e.getKey() + ": no such column");
            }
            JsonNode fixed = e.getValue().get("iaqi");
            JsonNode use = e.getValue().get("use_column");
            if ((fixed == null) == (use == null)) {
                throw fail("aqi.over_range." + e.getKey() + " needs exactly one of iaqi, use_column");
            }
            if (use != null && !tables.containsKey(use.asText())) {
                throw fail("aqi.over_range." + e.getKey() + ".use_column: no such column " + use.asText());
            }
            out.put(e.getKey(), new RuleSet.OverRange(fixed == null ? null : fixed.asInt(),
                    use == null ? null : use.asText()));
        }
        for (String start : out.keySet()) {
            Set<String> seen = new HashSet<>();
            for (String c = start; c != null && out.containsKey(c); c = out.get(c).useColumn()) {
                if (!seen.add(c)) {
                    throw fail("aqi.over_range: use_column cycle through " + c);
                }
            }
        }
        return out;
    }

    private Validity validity(JsonNode v) {
        Map<Pollutant, Double> plausible = new EnumMap<>(Pollutant.class);
        JsonNode max = v.get("plausible_max");
        if (max != null && !max.isNull()) {
            for (Pollutant p : Pollutant.values()) {
                JsonNode x = max.get(p.code());
                if (x != null && !x.isNull()) {
                    plausible.put(p, x.decimalValue().doubleValue());
                }
            }
        }
        return new Validity(
                req(v, "min_minutes_per_hour").asInt(),
                req(v, "min_hours_per_day").asInt(),
                req(v, "o3_8h_window_hours").asInt(),
                req(v, "min_hours_per_o3_8h").asInt(),
                req(v, "o3_daily_max_first_window_end").asInt(),
                req(v, "o3_daily_max_last_window_end").asInt(),
                req(v, "o3_daily_max_min_windows").asInt(),
                req(v, "o3_daily_max_exceedance_limit").decimalValue().doubleValue(),
                req(v, "min_days_per_month").asInt(),
                req(v, "min_days_february").asInt(),
                req(v, "min_days_per_year").asInt(),
                plausible);
    }

    private Map<Pollutant, BigDecimal> perPollutant(JsonNode node, String key, boolean positive) {
        Map<Pollutant, BigDecimal> out = new EnumMap<>(Pollutant.class);
        for (Pollutant p : Pollutant.values()) {
            BigDecimal x = req(node, p.code()).decimalValue();
            if (positive ? x.signum() <= 0 : x.signum() < 0) {
                throw fail(key + "." + p.code() + " out of range: " + x);
            }
            out.put(p, x);
        }
        return out;
    }

    private <E extends Enum<E>> E option(Class<E> type, JsonNode value, String key) {
        try {
            return Enum.valueOf(type, value.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(key + ": unknown value '" + value.asText() + "'");
        }
    }

    private JsonNode req(JsonNode node, String key) {
        return YamlFiles.required(node, key, source);
    }

    private StandardsFormatException fail(String message) {
        return new StandardsFormatException(source + ": " + message);
    }
}
