package org.airindex.domain.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StationContributionsTest {
    private static final String X = "甲省/甲市/一区";
    private static final String Y = "甲省/甲市/二区";
    private static final ProvinceAverages AVERAGES = new ProvinceAverages(4.0, 40.0, null, null, 2);

    private static PlaceStanding place(String key, Double composite, Double pm25) {
        return new PlaceStanding(key, composite, pm25, null, null, 20, 31);
    }

    private static List<ContributionEntry> of(String place, String indicator, List<ContributionEntry> all) {
        return all.stream().filter(e -> e.place().equals(place) && e.indicator().equals(indicator)).toList();
    }

    /**
     * 一区: PM2.5 50, 44, 34 against the average 40: gaps 10, 4, −6, sum 8, shares 1.25, 0.5, −0.75 (sum 1);
     * the county's reported mean is 43 (42.67), so the differences are 7, 1, −9.
     */
    @Test
    void sharesOfTheCountysGapSumToOneAndABetterStationHasANegativeShare() {
        List<ContributionEntry> all = StationContributions.entries("2026-08", List.of(place(X, 4.6, 43.0)),
                List.of(new StationStanding(X, "1003A", null, 34.0), new StationStanding(X, "1001A", 4.8, 50.0),
                        new StationStanding(X, "1002A", 4.4, 44.0)), AVERAGES);
        List<ContributionEntry> pm25 = of(X, "pm25", all);
        assertEquals(List.of("1001A", "1002A", "1003A"), pm25.stream().map(ContributionEntry::station).toList());
        assertEquals(List.of(1.25, 0.5, -0.75), pm25.stream().map(ContributionEntry::share).toList());
        assertEquals(List.of(7.0, 1.0, -9.0), pm25.stream().map(ContributionEntry::difference).toList());
        assertEquals(List.of(1, 2, 3), pm25.stream().map(ContributionEntry::rank).toList());
        pm25.forEach(e -> assertEquals(3, e.stations()));
        assertEquals(43.0, pm25.get(0).placeValue());
    }

    /** 1003A has no composite index: no share, no rank, listed last; 4.8 and 4.4 share 0.8 + 0.4 = 1.2 as 2/3, 1/3. */
    @Test
    void aStationWithoutAValueHasNoShare() {
        List<ContributionEntry> composite = of(X, "composite", StationContributions.entries("2026-08",
                List.of(place(X, 4.6, 43.0)), List.of(new StationStanding(X, "1003A", null, 34.0),
                        new StationStanding(X, "1001A", 4.8, 50.0), new StationStanding(X, "1002A", 4.4, 44.0)),
                AVERAGES));
        assertEquals(Arrays.asList(2.0 / 3, 1.0 / 3, null), composite.stream().map(ContributionEntry::share).toList());
        assertEquals(Arrays.asList(1, 2, null), composite.stream().map(ContributionEntry::rank).toList());
        // 4.8 − 4.6 is 0.2 exactly, not the double difference 0.20000000000000018.
        assertEquals(0.2, composite.get(0).difference());
        assertNull(composite.get(2).value());
        assertNull(composite.get(2).difference());
    }

    /** One station is its county: share 1 off the average, none at it (nothing to share). */
    @Test
    void aCountyWithOneStation() {
        List<ContributionEntry> all = StationContributions.entries("2026-08", List.of(place(Y, 4.0, 50.0)),
                List.of(new StationStanding(Y, "2001A", 4.0, 50.0)), AVERAGES);
        ContributionEntry pm25 = of(Y, "pm25", all).get(0);
        assertEquals(1.0, pm25.share());
        assertEquals(1, pm25.rank());
        assertEquals(0.0, pm25.difference());
        ContributionEntry composite = of(Y, "composite", all).get(0);
        assertNull(composite.share());
        assertNull(composite.rank());
    }

    /** A county below the average: 30 and 38 against 40 are gaps −10 and −2 of −12, shares 5/6 and 1/6. */
    @Test
    void aCountyBetterThanTheAverageSharesItsLead() {
        List<ContributionEntry> pm25 = of(X, "pm25", StationContributions.entries("2026-08",
                List.of(place(X, 3.5, 34.0)), List.of(new StationStanding(X, "1001A", 3.5, 30.0),
                        new StationStanding(X, "1002A", 3.5, 38.0)), AVERAGES));
        assertEquals(List.of(5.0 / 6, 1.0 / 6), pm25.stream().map(ContributionEntry::share).toList());
        assertEquals(1.0, pm25.stream().mapToDouble(ContributionEntry::share).sum(), 1e-15);
    }

    @Test
    void equalSharesTieAndStationsOfPlacesNotComparedAreLeftOut() {
        List<ContributionEntry> all = StationContributions.entries("2026-08", List.of(place(X, 4.6, 45.0)),
                List.of(new StationStanding(X, "1002A", 4.6, 45.0), new StationStanding(X, "1001A", 4.6, 45.0),
                        new StationStanding(Y, "2001A", 5.0, 60.0)), AVERAGES);
        assertTrue(all.stream().allMatch(e -> e.place().equals(X)));
        assertEquals(List.of(1, 1), of(X, "pm25", all).stream().map(ContributionEntry::rank).toList());
        assertEquals(List.of(0.5, 0.5), of(X, "pm25", all).stream().map(ContributionEntry::share).toList());
    }

    @Test
    void noAverageNoShares() {
        List<ContributionEntry> all = StationContributions.entries("2026-08", List.of(place(X, null, null)),
                List.of(new StationStanding(X, "1001A", null, null)), new ProvinceAverages(null, null, null, null, 1));
        assertEquals(2, all.size());
        all.forEach(e -> assertNull(e.share()));
    }
}
