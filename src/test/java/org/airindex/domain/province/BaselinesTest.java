package org.airindex.domain.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.airindex.domain.PeriodValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesTest {
    static final String HEADER = "place,period,so2,no2,pm10,pm25,co_p95,o3_8h_p90\n";
    static final String XIAODIAN = "山西省/太原市/小店区";

    @TempDir
    Path dir;

    @Test
    void readsMonthsYearsCommentsAndEmptyCells() throws IOException {
        Path f = write("a.csv", "# synthetic\n" + HEADER
                + XIAODIAN + ",2025-11,12.5,40,98.2,58.4,1.9,88\n"
                + "\n"
                + "# the year, O3 missing\n"
                + XIAODIAN + ",2025,15,35,90,45.5,2.2,\n"
                + XIAODIAN + ",autumn-winter 2025-10-01..2026-03-31,20,45,110,70,2.4,60\n");
        Baselines b = Baselines.load(f);
        assertEquals(Optional.of(new PeriodValues(12.5, 40.0, 98.2, 58.4, 1.9, 88.0)), b.get(XIAODIAN, "2025-11"));
        assertEquals(Optional.of(new PeriodValues(15.0, 35.0, 90.0, 45.5, 2.2, null)), b.get(XIAODIAN, "2025"));
        assertEquals(70.0, b.get(XIAODIAN, "autumn-winter 2025-10-01..2026-03-31").orElseThrow().pm25());
        assertEquals(Optional.empty(), b.get(XIAODIAN, "2025-10"));
        assertEquals(Optional.empty(), b.get("山西省/阳泉市/城区", "2025-11"));
    }

    @Test
    void readsEveryCsvOfADirectory() throws IOException {
        write("a.csv", HEADER + XIAODIAN + ",2024-11,1,2,3,4,0.5,6\n");
        write("b.csv", HEADER + XIAODIAN + ",2025-11,7,8,9,10,1.1,12\n");
        write("notes.txt", "not a baseline");
        Baselines b = Baselines.load(dir);
        assertEquals(4.0, b.get(XIAODIAN, "2024-11").orElseThrow().pm25());
        assertEquals(10.0, b.get(XIAODIAN, "2025-11").orElseThrow().pm25());
    }

    @Test
    void aBadRowNamesTheFileAndLine() throws IOException {
        // line 1 comment, 2 header, 3 good, 4 bad
        Path f = write("bad.csv", "# c\n" + HEADER + XIAODIAN + ",2025-01,1,2,3,4,0.5,6\n"
                + XIAODIAN + ",2025-02,1,2,x,4,0.5,6\n");
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> Baselines.load(f));
        assertTrue(e.getMessage().contains("bad.csv:4:") && e.getMessage().contains("not a number: x"),
                e.getMessage());
    }

    @Test
    void refusesWrongRows() throws IOException {
        List<String> rows = List.of(
                XIAODIAN + ",2025-13,1,2,3,4,0.5,6",       // no month 13
                XIAODIAN + ",25-01,1,2,3,4,0.5,6",         // two-digit year
                XIAODIAN + ",autumn-winter 2025-10-01..2025-02-31,1,2,3,4,0.5,6", // no 31 February
                XIAODIAN + ",autumn-winter 2026-03-31..2025-10-01,1,2,3,4,0.5,6", // ends before it starts
                XIAODIAN + ",秋冬防 2025-10-01..2026-03-31,1,2,3,4,0.5,6",       // not a period's name
                "小店区,2025-01,1,2,3,4,0.5,6",             // not province/city/county
                XIAODIAN + ",2025-01,1,2,3,4,0.5",         // seven columns
                XIAODIAN + ",2025-01,1,2,3,-4,0.5,6",      // negative
                XIAODIAN + ",2025-01,1,2,3,NaN,0.5,6");    // not finite
        for (int i = 0; i < rows.size(); i++) {
            Path f = write("row" + i + ".csv", HEADER + rows.get(i) + "\n");
            BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> Baselines.load(f),
                    rows.get(i));
            assertTrue(e.getMessage().contains("row" + i + ".csv:2:"), e.getMessage());
        }
        Path twice = write("twice.csv", HEADER + XIAODIAN + ",2025,1,2,3,4,0.5,6\n" + XIAODIAN + ",2025,1,2,3,4,0.5,6\n");
        assertTrue(assertThrows(BaselineFormatException.class, () -> Baselines.load(twice)).getMessage()
                .contains("twice.csv:3:"));
        Path noHeader = write("noheader.csv", XIAODIAN + ",2025,1,2,3,4,0.5,6\n");
        assertThrows(BaselineFormatException.class, () -> Baselines.load(noHeader));
    }

    @Test
    void sampleFileCoversEveryCountyOfTheSampleRegistry() throws IOException {
        Baselines b = Baselines.load(Path.of("conf/baselines"));
        Set<String> counties = new LinkedHashSet<>();
        List<String> registry = Files.readAllLines(Path.of("conf/stations.csv"), StandardCharsets.UTF_8);
        for (String line : registry.subList(1, registry.size())) {
            String[] c = line.split(",");
            counties.add(c[4] + "/" + c[3] + "/" + c[2]);
        }
        assertEquals(29, counties.size());
        for (String county : counties) {
            assertTrue(b.get(county, "2025").isPresent(), county);
            for (int m = 1; m <= 12; m++) {
                PeriodValues v = b.get(county, "2025-%02d".formatted(m)).orElseThrow();
                assertTrue(v.missing().isEmpty(), county + " " + m);
            }
        }
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
