package org.airindex.domain.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Standards;
import org.junit.jupiter.api.Test;

/** Hand-computed projections under the 2012 rule-set, whose composite index divides PM2.5 by 35 µg/m³. */
class WhatIfTest {
    private static final RuleSet RULES_2012 = Standards.loadDefault().byId("2012");
    private static final PeriodValues B_VALUES = PeriodValues.of(10, 30, 60, 40, 1.2, 150);
    private static final String A = "省/市/甲区";
    private static final String B = "省/市/乙区";
    private static final String C = "省/市/丙县";

    /** Half of a 30-day month gone; B at the provincial average on both indicators. */
    private static List<PlaceStanding> places(int daysInPeriod) {
        return List.of(new PlaceStanding(A, 3.5, 30.0, null, null, 15, daysInPeriod),
                new PlaceStanding(B, 4.5, 40.0, null, null, 15, daysInPeriod),
                new PlaceStanding(C, 5.5, 50.0, null, null, 15, daysInPeriod));
    }

    private static PlaceStanding b(List<PlaceStanding> places) {
        return places.stream().filter(p -> p.place().equals(B)).findFirst().orElseThrow();
    }

    @Test
    void fiveLowerForFifteenOfThirtyOneDays() {
        // 40 - 5 * 15 / 31 = 37.58 -> 38; composite 4.5 + (37.58 - 40) / 35 = 4.4309 -> 4.43.
        PlaceStanding p = b(WhatIf.changed(places(31), B, B_VALUES, RULES_2012, new WhatIf.Change(15, 5.0, null, null)));
        assertEquals(38.0, p.pm25());
        assertEquals(4.43, p.composite());
    }

    @Test
    void aDailyLevelInstead() {
        // 40 + (20 - 40) * 15 / 31 = 30.32 -> 30; composite 4.5 - 9.677 / 35 = 4.2235 -> 4.22.
        PlaceStanding p = b(WhatIf.changed(places(31), B, B_VALUES, RULES_2012, new WhatIf.Change(15, null, 20.0, null)));
        assertEquals(30.0, p.pm25());
        assertEquals(4.22, p.composite());
    }

    @Test
    void theCompositeIndexAloneAndPm25Held() {
        // 4.5 - 0.2 * 15 / 31 = 4.4032 -> 4.40.
        PlaceStanding p = b(WhatIf.changed(places(31), B, B_VALUES, RULES_2012, new WhatIf.Change(15, null, null, 0.2)));
        assertEquals(40.0, p.pm25());
        assertEquals(4.40, p.composite());
    }

    @Test
    void aProjectedTieRoundsHalfToEven() {
        // 41 - 5 * 15 / 30 = 38.5 exactly: half to even, 38; 40 - 5 * 15 / 30 = 37.5: 38.
        List<PlaceStanding> places = List.of(new PlaceStanding(B, 4.5, 41.0, null, null, 15, 30));
        assertEquals(38.0, b(WhatIf.changed(places, B, B_VALUES, RULES_2012, new WhatIf.Change(15, 5.0, null, null))).pm25());
        assertEquals(38.0, b(WhatIf.changed(places(30), B, B_VALUES, RULES_2012, new WhatIf.Change(15, 5.0, null, null)))
                .pm25());
    }

    @Test
    void crossingTheProvincialAverageTurnsTheSettlement() {
        RewardScheme scheme = RewardScheme.fromClasspath("schemes/default.yaml");
        // B's PM2.5 last year above 40 puts it in the scheme's scope; A and C are outside it.
        Map<String, LastYearStanding> lastYear = Map.of(B, new LastYearStanding(B, 6.0, 45.0, 1));
        List<PlaceStanding> now = places(30);
        WhatIf.Outcome before = WhatIf.outcome("省", "2026-08", now, scheme, lastYear, true);
        // At the average on both indicators: nothing to settle either way.
        assertEquals(0L, before.total(B));
        // 6 lower over 15 of 30 days: 37; the average (30 + 37 + 50) / 3 = 39, 2 µg/m³ above B: 2 x 100,000 CNY.
        // Composite 4.5 - 3 / 35 = 4.414 -> 4.41, the average 13.41 / 3 = 4.47: 0.06 better, 0.6 units of 0.1 at
        // 50,000 CNY (the first, illustrative tier): 30,000 CNY.
        List<PlaceStanding> changed = WhatIf.changed(now, B, B_VALUES, RULES_2012, new WhatIf.Change(15, 6.0, null, null));
        WhatIf.Outcome after = WhatIf.outcome("省", "2026-08", changed, scheme, lastYear, true);
        assertEquals(37.0, b(changed).pm25());
        assertEquals(4.41, b(changed).composite());
        assertEquals(39.0, after.result().averages().pm25());
        assertEquals(4.47, after.result().averages().composite(), 1e-12);
        assertEquals(230_000L, after.total(B));
        assertEquals(2, after.rank(B, "pm25").rank());
        assertEquals(List.of(), after.money(A));
    }

    @Test
    void theJobsEntriesForEachCut() {
        RewardScheme scheme = RewardScheme.fromClasspath("schemes/default.yaml");
        Map<String, LastYearStanding> lastYear = Map.of(B, new LastYearStanding(B, 6.0, 45.0, 1));
        List<PlaceStanding> now = places(30);
        WhatIf.Outcome before = WhatIf.outcome("省", "2026-08", now, scheme, lastYear, true);
        // Only B has the statistics to project; the crossing above, as an entry.
        List<WhatIfEntry> entries = WhatIf.entries("省", "2026-08", now, Map.of(B, B_VALUES), RULES_2012, scheme,
                lastYear, before, List.of(6.0));
        assertEquals(List.of(new WhatIfEntry(B, "2026-08", 6.0, 15, 37.0, 4.41, 2, 2, 3, 10, 0L, 230_000L)), entries);
        // A month with no day left has nothing to project.
        List<PlaceStanding> whole = List.of(new PlaceStanding(B, 4.5, 40.0, null, null, 30, 30));
        assertEquals(List.of(), WhatIf.entries("省", "2026-08", whole, Map.of(B, B_VALUES), RULES_2012, scheme,
                lastYear, before, List.of(6.0)));
    }

    @Test
    void refusesWhatItCannotProject() {
        assertThrows(IllegalArgumentException.class, () -> WhatIf.changed(places(31), "省/市/无", B_VALUES, RULES_2012,
                new WhatIf.Change(15, 5.0, null, null)));
        assertThrows(IllegalArgumentException.class, () -> new WhatIf.Change(15, 5.0, 20.0, null));
        assertThrows(IllegalArgumentException.class, () -> new WhatIf.Change(15, Double.NaN, null, null));
        assertThrows(IllegalArgumentException.class, () -> new WhatIf.Change(-1, 5.0, null, null));
        assertThrows(IllegalArgumentException.class, () -> WhatIf.changed(places(31), B,
                PeriodValues.of(10, 30, 60, null, 1.2, 150), RULES_2012, new WhatIf.Change(15, 5.0, null, null)));
    }
}
