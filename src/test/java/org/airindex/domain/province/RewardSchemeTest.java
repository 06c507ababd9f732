package org.airindex.domain.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.airindex.domain.StandardsFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardSchemeTest {
    static final String X = "山西省/太原市/小店区";
    static final String Y = "山西省/阳泉市/城区";
    static final String Z = "山西省/晋城市/城区";
    /** composite 5.0, PM2.5 53.0, composite rate +1.0 %, PM2.5 rate +11.0 %. */
    static final ProvinceAverages AVERAGES = new ProvinceAverages(5.0, 53.0, 1.0, 11.0, 3);

    @TempDir
    Path dir;

    @Test
    void defaultSchemeFromTheClasspath() {
        RewardScheme s = RewardScheme.fromClasspath("schemes/default.yaml");
        assertEquals("default", s.id());
        assertEquals("CNY", s.currency());
        assertEquals(new ComparisonSettings(List.of(10, 20), "mean_of_rates"), s.comparison());
        assertEquals(new Scope(false, 20, 40.0, "any"), s.scope());
        assertFalse(s.rules().get("pm25").get("average_value").illustrative());
        assertTrue(s.rules().get("pm25").get("improvement_rate").illustrative());
        assertTrue(s.rules().get("composite").get("average_value").illustrative());
        assertTrue(s.rules().get("composite").get("improvement_rate").illustrative());
    }

    @Test
    void defaultSchemeFromTheConfFolderIsTheSame() {
        assertEquals(RewardScheme.fromClasspath("schemes/default.yaml"),
                RewardScheme.load(Path.of("conf/schemes/default.yaml")));
    }

    @Test
    void settlesEachComparisonOnItsOwn() {
        RewardScheme s = RewardScheme.fromClasspath("schemes/default.yaml");
        List<PlaceStanding> places = List.of(
                // composite 5.65 (last year 5.0 → +13.0 %), PM2.5 50 (50 → 0.0 %)
                new PlaceStanding(X, 5.65, 50.0, 5.0, 50.0, 30, 30),
                // composite 4.0 (5.0 → −20.0 %), PM2.5 60 (40 → +50.0 %)
                new PlaceStanding(Y, 4.0, 60.0, 5.0, 40.0, 30, 30),
                new PlaceStanding(Z, 9.0, 90.0, 5.0, 40.0, 30, 30));
        // X and Y had PM2.5 above 40 last year; Z neither that nor a rank: out of scope, no entries.
        Map<String, LastYearStanding> lastYear = Map.of(
                X, new LastYearStanding(X, 5.0, 45.0, null),
                Y, new LastYearStanding(Y, 5.0, 45.0, null),
                Z, new LastYearStanding(Z, 5.0, 30.0, null));
        assertEquals(List.of(
                // composite vs 5.0: −0.65 → tiers (excess) 0.2/0.1·50,000 + 0.3/0.1·100,000 + 0.15/0.1·150,000
                //   = 100,000 + 300,000 + 225,000 = 625,000 penalty
                money(X, "composite", "average_value", -625_000, -62.5, true),
                // rate 1.0 − 13.0 = −12 points · 20,000 = 240,000 penalty
                money(X, "composite", "improvement_rate", -240_000, -24.0, true),
                // PM2.5 53 − 50 = 3 µg/m³ within 5: 3 · 100,000 = 300,000 reward
                money(X, "pm25", "average_value", 300_000, 30.0, false),
                // 11.0 − 0.0 = 11 points · 20,000 = 220,000 reward
                money(X, "pm25", "improvement_rate", 220_000, 22.0, true),
                // composite 5.0 − 4.0 = 1.0: 100,000 + 300,000 + 0.5/0.1·150,000 = 1,150,000 reward
                money(Y, "composite", "average_value", 1_150_000, 115.0, true),
                // 1.0 − (−20.0) = 21 points · 20,000 = 420,000 reward (under the 500,000 cap)
                money(Y, "composite", "improvement_rate", 420_000, 42.0, true),
                // PM2.5 53 − 60 = −7, excess: 5 · 100,000 + 2 · 200,000 = 900,000 penalty
                money(Y, "pm25", "average_value", -900_000, -90.0, false),
                // 11.0 − 50.0 = −39 points · 20,000 = 780,000, capped at 500,000 penalty
                money(Y, "pm25", "improvement_rate", -500_000, -50.0, true)),
                strings(s.settle("2025-11", AVERAGES, places, lastYear)));
    }

    @Test
    void pm25BeyondFiveUnderExcessAndWhole() throws IOException {
        RewardScheme excess = RewardScheme.load(pm25Scheme("excess"));
        RewardScheme whole = RewardScheme.load(pm25Scheme("whole"));
        List<PlaceStanding> places = List.of(
                new PlaceStanding(X, null, 60.0, null, null, 30, 30),   // 53 − 60 = −7
                new PlaceStanding(Y, null, 58.0, null, null, 30, 30),   // −5, the top of the lower tier
                new PlaceStanding(Z, null, 58.5, null, null, 30, 30));  // −5.5
        assertEquals(List.of(
                money(X, "pm25", "average_value", -900_000, -90.0, false),   // 5·100,000 + 2·200,000
                money(Y, "pm25", "average_value", -500_000, -50.0, false),   // 5·100,000
                money(Z, "pm25", "average_value", -600_000, -60.0, false)),  // 5·100,000 + 0.5·200,000
                strings(excess.settle("2025-11", AVERAGES, places, Map.of())));
        assertEquals(List.of(
                money(X, "pm25", "average_value", -1_400_000, -140.0, false), // 7·200,000
                money(Y, "pm25", "average_value", -500_000, -50.0, false),    // 5 is within 5: 5·100,000
                money(Z, "pm25", "average_value", -1_100_000, -110.0, false)), // 5.5·200,000
                strings(whole.settle("2025-11", AVERAGES, places, Map.of())));
    }

    @Test
    void moneyIsRoundedHalfEvenToWholeCny() throws IOException {
        RewardScheme s = RewardScheme.load(pm25Scheme("excess"));
        List<PlaceStanding> places = List.of(
                new PlaceStanding(X, null, 52.999995, null, null, 30, 30),  // 0.000005 · 100,000 = 0.5 → 0
                new PlaceStanding(Y, null, 52.999985, null, null, 30, 30)); // 0.000015 · 100,000 = 1.5 → 2
        assertEquals(List.of(
                money(X, "pm25", "average_value", 0, 0.0, false),
                money(Y, "pm25", "average_value", 2, 0.0002, false)),
                strings(s.settle("2025-11", AVERAGES, places, Map.of())));
    }

    @Test
    void scopeByLastYearsBottomOrPm25() {
        // Five places ranked last year 1..5; bottom 2 = rank > 5 − 2, i.e. ranks 4 and 5.
        Map<String, LastYearStanding> lastYear = Map.of(
                "p1", new LastYearStanding("p1", 3.0, 30.0, 1),
                "p2", new LastYearStanding("p2", 3.5, 45.0, 2),
                "p3", new LastYearStanding("p3", 4.0, 40.0, 3),   // exactly 40 is not above 40
                "p4", new LastYearStanding("p4", 4.5, 38.0, 4),
                "p5", new LastYearStanding("p5", 5.0, 41.0, 5));
        Scope any = new Scope(false, 2, 40.0, "any");
        Scope all = new Scope(false, 2, 40.0, "all");
        Scope bottomOnly = new Scope(false, 2, null, "all");
        Scope everyone = new Scope(true, null, null, "any");
        List<String> names = List.of("p1", "p2", "p3", "p4", "p5", "absent");
        assertEquals(List.of("p2", "p4", "p5"), included(any, names, lastYear));
        assertEquals(List.of("p5"), included(all, names, lastYear));
        assertEquals(List.of("p4", "p5"), included(bottomOnly, names, lastYear));
        assertEquals(names, included(everyone, names, lastYear));
    }

    @Test
    void badSchemeFilesNameTheFileAndKey() throws IOException {
        Path unknownKey = write("typo.yaml", pm25SchemeText("excess").replace("cap_cny:", "cap:"));
        StandardsFormatException typo = assertThrows(StandardsFormatException.class, () -> RewardScheme.load(unknownKey));
        assertTrue(typo.getMessage().contains("rules.pm25.average_value.cap: unknown key"), typo.getMessage());
        Path bounded = write("bounded.yaml",
                pm25SchemeText("excess").replace("- {cny_per_unit: 200000}", "- {up_to: 10, cny_per_unit: 200000}"));
        StandardsFormatException e = assertThrows(StandardsFormatException.class, () -> RewardScheme.load(bounded));
        assertTrue(e.getMessage().contains("bounded.yaml") && e.getMessage().contains("rules.pm25.average_value"),
                e.getMessage());
        Path dollars = write("usd.yaml", pm25SchemeText("excess").replace("currency: CNY", "currency: USD"));
        assertThrows(StandardsFormatException.class, () -> RewardScheme.load(dollars));
        Path unmarked = write("unmarked.yaml", pm25SchemeText("excess").replace("      illustrative: false\n", ""));
        e = assertThrows(StandardsFormatException.class, () -> RewardScheme.load(unmarked));
        assertTrue(e.getMessage().contains("illustrative"), e.getMessage());
        Path badRate = write("rate.yaml", pm25SchemeText("excess").replace("mean_of_rates", "median"));
        assertThrows(StandardsFormatException.class, () -> RewardScheme.load(badRate));
    }

    private Path pm25Scheme(String appliesTo) throws IOException {
        return write("pm25-" + appliesTo + ".yaml", pm25SchemeText(appliesTo));
    }

    /** Only PM2.5 against the average value is settled; the cap is above every amount tested. */
    private static String pm25SchemeText(String appliesTo) {
        return """
                id: test
                name: PM2.5 only
                currency: CNY
                comparison: {bottom_n: [2], improvement_rate: mean_of_rates}
                scope: all
                rules:
                  pm25:
                    average_value:
                      illustrative: false
                      unit: 1
                      higher_rate_applies_to: %s
                      tiers:
                        - {up_to: 5, cny_per_unit: 100000}
                        - {cny_per_unit: 200000}
                      cap_cny: 900000000
                """.formatted(appliesTo);
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> included(Scope s, List<String> names, Map<String, LastYearStanding> lastYear) {
        return names.stream().filter(n -> s.includes(n, lastYear)).toList();
    }

    private static List<String> strings(List<MoneyEntry> entries) {
        List<String> out = new ArrayList<>();
        for (MoneyEntry m : entries) {
            assertEquals("2025-11", m.period());
            out.add(money(m.place(), m.indicator(), m.comparison(), m.amountCny(), m.amountWan(), m.illustrative()));
        }
        return out;
    }

    private static String money(String place, String indicator, String comparison, double cny, double wan,
            boolean illustrative) {
        return place + " " + indicator + " " + comparison + " " + cny + " CNY " + wan + " 万 "
                + (illustrative ? "illustrative" : "published");
    }
}
