package org.airindex.domain.province;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.airindex.domain.StandardsFormatException;

/** Builds a {@link RewardScheme} from its YAML tree; every error names the file and the key. */
final class SchemeReader {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String CURRENCY = "CNY";

    private final String source;

    private SchemeReader(String source) {
        this.source = source;
    }

    static JsonNode readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new StandardsFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static JsonNode readClasspath(String resource) {
        try (InputStream in = SchemeReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StandardsFormatException("classpath resource not found: " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new StandardsFormatException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    static RewardScheme read(JsonNode root, String source) {
        SchemeReader r = new SchemeReader(source);
        try {
            return r.scheme(root);
        } catch (IllegalArgumentException e) {
            throw r.fail(e.getMessage());
        }
    }

    private RewardScheme scheme(JsonNode root) {
        String currency = req(root, "currency").asText();
        if (!currency.equals(CURRENCY)) {
            throw fail("currency: amounts are settled in " + CURRENCY + ", not " + currency);
        }
        Map<String, Map<String, CoefficientRule>> rules = new LinkedHashMap<>();
        JsonNode indicators = req(root, "rules");
        for (String indicator : keys(indicators, "rules", Set.of(RewardScheme.COMPOSITE, RewardScheme.PM25))) {
            Map<String, CoefficientRule> byComparison = new LinkedHashMap<>();
            JsonNode comparisons = indicators.get(indicator);
            String at = "rules." + indicator;
            for (String comparison : keys(comparisons, at,
                    Set.of(RewardScheme.AVERAGE_VALUE, RewardScheme.IMPROVEMENT_RATE))) {
                byComparison.put(comparison, rule(comparisons.get(comparison), at + "." + comparison));
            }
            rules.put(indicator, byComparison);
        }
        return new RewardScheme(req(root, "id").asText(), req(root, "name").asText(), currency,
                scope(req(root, "scope")), comparison(req(root, "comparison")), rules);
    }

    private ComparisonSettings comparison(JsonNode node) {
        List<Integer> bottomN = new ArrayList<>();
        JsonNode list = req(node, "bottom_n");
        if (!list.isArray()) {
            throw fail("comparison.bottom_n must be a list, e.g. [10, 20]");
        }
        list.forEach(n -> bottomN.add(integer(n, "comparison.bottom_n")));
        JsonNode rate = node.get("improvement_rate");
        JsonNode unsettled = node.get("unsettled");
        return new ComparisonSettings(bottomN, rate == null || rate.isNull() ? null : rate.asText(),
                unsettled == null || unsettled.isNull() ? null : unsettled.asText());
    }

    private Scope scope(JsonNode node) {
        if (node.isTextual()) {
            if (!node.asText().equals(Scope.ALL)) {
                throw fail("scope: 'all' or a mapping with bottom_last_year / pm25_above_last_year");
            }
            return new Scope(true, null, null, Scope.ANY);
        }
        keys(node, "scope", Set.of("bottom_last_year", "pm25_above_last_year", "scope_rule"));
        JsonNode bottom = node.get("bottom_last_year");
        JsonNode pm25 = node.get("pm25_above_last_year");
        JsonNode rule = node.get("scope_rule");
        return new Scope(false,
                bottom == null || bottom.isNull() ? null : integer(bottom, "scope.bottom_last_year"),
                pm25 == null || pm25.isNull() ? null : number(pm25, "scope.pm25_above_last_year").doubleValue(),
                rule == null || rule.isNull() ? Scope.ANY : rule.asText());
    }

    private CoefficientRule rule(JsonNode node, String at) {
        keys(node, at, Set.of("illustrative", "unit", "higher_rate_applies_to", "tiers", "cap_cny"));
        JsonNode illustrative = req(node, "illustrative");
        if (!illustrative.isBoolean()) {
            throw fail(at + ".illustrative must be true or false");
        }
        List<Tier> tiers = new ArrayList<>();
        JsonNode list = req(node, "tiers");
        for (int i = 0; i < list.size(); i++) {
            String tierAt = at + ".tiers[" + i + "]";
            JsonNode t = list.get(i);
            keys(t, tierAt, Set.of("up_to", "cny_per_unit"));
            JsonNode upTo = t.get("up_to");
            tiers.add(new Tier(upTo == null || upTo.isNull() ? null : number(upTo, tierAt + ".up_to"),
                    number(req(t, "cny_per_unit"), tierAt + ".cny_per_unit")));
        }
        JsonNode applies = node.get("higher_rate_applies_to");
        JsonNode cap = node.get("cap_cny");
        try {
            return new CoefficientRule(number(req(node, "unit"), at + ".unit"), tiers,
                    applies == null || applies.isNull() ? CoefficientRule.EXCESS : applies.asText(),
                    cap == null || cap.isNull() ? null : number(cap, at + ".cap_cny"),
                    illustrative.asBoolean());
        } catch (IllegalArgumentException e) {
            throw fail(at + ": " + e.getMessage());
        }
    }

    /** The keys of a mapping, refusing any not in {@code allowed} so that a misspelt key is not silently ignored. */
    private List<String> keys(JsonNode node, String at, Set<String> allowed) {
        if (!node.isObject()) {
            throw fail(at + " must be a mapping");
        }
        List<String> out = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw fail(at + "." + k + ": unknown key (expected one of " + allowed + ")");
            }
            out.add(k);
        }
        return out;
    }

    private BigDecimal number(JsonNode node, String at) {
        if (!node.isNumber()) {
            throw fail(at + " must be a number: " + node);
        }
        return node.decimalValue();
    }

    private int integer(JsonNode node, String at) {
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw fail(at + " must be an integer: " + node);
        }
        return node.asInt();
    }

    private JsonNode req(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isMissingNode() || v.isNull()) {
            throw fail("missing key '" + key + "'");
        }
        return v;
    }

    private StandardsFormatException fail(String message) {
        return new StandardsFormatException(source + ": " + message);
    }
}
