package org.airindex.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StationRegistryTest {

    @Test
    void parsesRowsAndKeepsSameNamedCountiesApart() {
        StationRegistry r = StationRegistry.parse(List.of(
                "station,name,county,city,province,lat,lon",
                "1111A,阳泉市监测站,城区,阳泉市,山西省,37.857,113.569",
                "",
                "1131A,晋城市监测站,城区,晋城市,山西省,35.492,112.852"), "test");
        assertEquals(2, r.stations().size());
        assertEquals("山西省/阳泉市/城区", r.get("1111A").countyKey());
        assertEquals("山西省/晋城市/城区", r.get("1131A").countyKey());
        assertNull(r.get("nope"));
    }

    /** RFC 4180: a quoted name holds commas and quotes; a comment line still counts for the line numbers. */
    @Test
    void quotedNamesWithCommasAndErrorsWithTheirLine() {
        StationRegistry r = StationRegistry.parse(List.of("station,name,county,city,province,lat,lon",
                "# a comment", "1111A,\"监测站, \"\"东\"\"\",城区,阳泉市,山西省,37.857,113.569"), "test");
        assertEquals("监测站, \"东\"", r.get("1111A").name());
        var e = assertThrows(IllegalArgumentException.class, () -> StationRegistry.parse(List.of(
                "station,name,county,city,province,lat,lon", "# a comment", "", "1111A,n,c,ci,p,1,1",
                "1131A,\"a,b\",c,ci"), "g.csv"));
        assertTrue(e.getMessage().startsWith("g.csv line 5: expected 7 columns, found 4"), e.getMessage());
    }

    @Test
    void coordinatesAreOptional() {
        StationRegistry r = StationRegistry.parse(List.of("station,name,county,city,province,lat,lon",
                "1111A,阳泉市监测站,城区,阳泉市,山西省,,", "1131A,晋城市监测站,城区,晋城市,山西省,35.492,112.852"), "test");
        assertNull(r.get("1111A").lat());
        assertNull(r.get("1111A").lon());
        assertEquals(35.492, r.get("1131A").lat());
    }

    @Test
    void rejectsBadFilesWithTheLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> StationRegistry.parse(List.of(
                "station,name,county,city,province,lat,lon", "1A,n,c,ci,p,north,1"), "f.csv"));
        assertTrue(e.getMessage().contains("f.csv line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StationRegistry.parse(List.of("code,name"), "f"));
        assertThrows(IllegalArgumentException.class, () -> StationRegistry.parse(List.of(
                "station,name,county,city,province,lat,lon", "1A,n,c,ci,p,1,1", "1A,n,c,ci,p,1,1"), "f"));
    }

    @Test
    void sampleRegistryHasAProvinceToRank() {
        StationRegistry r = StationRegistry.load(Path.of("conf/stations.csv"));
        long counties = r.stations().stream().map(Station::countyKey).distinct().count();
        assertTrue(counties >= 20, "counties: " + counties);
        long taiyuan = r.stations().stream().filter(s -> s.city().equals("太原市"))
                .map(Station::county).distinct().count();
        assertEquals(10, taiyuan);
        r.stations().stream().collect(java.util.stream.Collectors.groupingBy(Station::countyKey))
                .forEach((county, list) -> assertTrue(list.size() >= 1 && list.size() <= 4, county));
    }
}
