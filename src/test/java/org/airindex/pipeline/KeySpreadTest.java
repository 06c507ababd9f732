package org.airindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.records.HourlyValue;
import org.airindex.records.Places;

class KeySpreadTest {
    /** 12 stations in 8 counties of 2 cities, as few keys as a small replay has. */
    private static StationRegistry registry() {
        List<Station> stations = new ArrayList<>();
        String[] counties = {"小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区", "晋源区", "城区", "矿区"};
        for (int i = 0; i < 12; i++) {
            String city = i % 8 < 6 ? "太原市" : "大同市";
            stations.add(new Station("S" + i, "站" + i, counties[i % 8], city, "山西省", 37.8, 112.5));
        }
        return new StationRegistry(stations);
    }

    private static int ceilDiv(int n, int p) {
        return (n + p - 1) / p;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void everyKeyedStageGetsItsKeysAsEvenlyAsTheyDivide(int parallelism) {
        Map<String, Set<Integer>> families = Keys.families(registry(), List.of());
        int maxParallelism = KeySpread.maxParallelism(families, parallelism);
        assertTrue(maxParallelism >= KeySpread.FIRST_CANDIDATE, "max parallelism " + maxParallelism);
        Set<Integer> places = new TreeSet<>();
        Places.PLACE_LEVELS.forEach(level -> places.addAll(families.get(level)));
        List<Set<Integer>> stages = List.of(families.get(HourlyValue.STATION), families.get(HourlyValue.COUNTY),
                families.get(Keys.REPORTS), places);
        // The fixture is one Flink's default spreads unevenly, so the search has something to mend.
        assertTrue(stages.stream().anyMatch(keys -> KeySpread.busiest(keys, KeySpread.FIRST_CANDIDATE, parallelism)
                > ceilDiv(keys.size(), parallelism)));
        for (Set<Integer> keys : stages) {
            assertEquals(ceilDiv(keys.size(), parallelism), KeySpread.busiest(keys, maxParallelism, parallelism),
                    keys.size() + " keys under max parallelism " + maxParallelism);
        }
    }

    @Test
    void theFamiliesHoldEveryKeyTheJobUses() {
        Map<String, Set<Integer>> families = Keys.families(registry(), List.of());
        assertEquals(12, families.get(HourlyValue.STATION).size());
        assertEquals(8, families.get(HourlyValue.COUNTY).size());
        assertEquals(2, families.get(HourlyValue.CITY).size());
        assertEquals(1, families.get(HourlyValue.PROVINCE).size());
        assertEquals(2, families.get(Keys.REPORTS).size());
        assertTrue(families.get(HourlyValue.STATION).contains(Keys.station("S3")));
        assertTrue(families.get(HourlyValue.COUNTY).contains(Keys.place(HourlyValue.COUNTY, "山西省", "大同市", "矿区")));
    }

    /**
     * The figures KeySpread and the README quote, on the benchmark's registry of the 12 Beijing
     * stations (8 districts): Flink's default puts 9 stations, and 6 districts plus the city and the
     * province, on one of two subtasks; the chosen max parallelism splits them 6/6 and 5/5.
     */
    @Test
    void theBeijingRegistrySpreadsEvenlyOnlyUnderTheChosenMaxParallelism() {
        Map<String, Set<Integer>> families = Keys.families(StationRegistry.load(Path.of("jobs/bench/beijing-stations.csv")), List.of());
        Set<Integer> places = new TreeSet<>();
        Places.PLACE_LEVELS.forEach(level -> places.addAll(families.get(level)));
        Set<Integer> stations = families.get(HourlyValue.STATION);
        assertEquals(12, stations.size());
        assertEquals(10, places.size());
        assertEquals(9, KeySpread.busiest(stations, KeySpread.FIRST_CANDIDATE, 2));
        assertEquals(8, KeySpread.busiest(places, KeySpread.FIRST_CANDIDATE, 2));
        int chosen = KeySpread.maxParallelism(families, 2);
        assertEquals(6, KeySpread.busiest(stations, chosen, 2));
        assertEquals(5, KeySpread.busiest(places, chosen, 2));
    }

    @Test
    void flinksDefaultIsKeptWhenNothingSpreadsBetter() {
        assertEquals(KeySpread.FIRST_CANDIDATE, KeySpread.maxParallelism(Keys.families(registry(), List.of()), 1));
    }
}
