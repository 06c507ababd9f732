package org.airindex.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvPartsTest {
    @TempDir
    Path dir;

    private void part(String name, List<List<String>> rows) throws IOException {
        try (CsvWriter csv = new CsvWriter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8))) {
            for (List<String> row : rows) {
                csv.writeRow(row);
            }
        }
    }

    /** The merged table's text, checked to hold the given number of rows. */
    private static String merged(Path dir, String table, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(rows, CsvParts.merge(dir, table, out));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheLastVersionOfEachRowSortedByPlaceThenOrder() throws IOException {
        part(CsvParts.partName("county_hourly", 0), List.of(
                List.of("7200", "山西省/太原市/小店区", "2", "old"),
                List.of("3600", "山西省/太原市/小店区", "1", "x"),
                List.of("7200", "山西省/太原市/小店区", "2", "corrected")));
        part(CsvParts.partName("county_hourly", 1), List.of(
                List.of("7200", "山西省/大同市/城区, \"东\"", "2", "y"),
                List.of("3600", "山西省/大同市/矿区", "1", "z"),
                List.of("3600", "山西省/大同市/城区, \"东\"", "1", "y")));
        part(CsvParts.partName("city_hourly", 0), List.of(List.of("3600", "山西省/太原市", "1", "other table")));
        part("county_hourly-x.csv", List.of(List.of("3600", "stray", "1", "not a part")));

        assertEquals("\"山西省/大同市/城区, \"\"东\"\"\",1,y\n"
                + "\"山西省/大同市/城区, \"\"东\"\"\",2,y\n"
                + "山西省/大同市/矿区,1,z\n"
                + "山西省/太原市/小店区,1,x\n"
                + "山西省/太原市/小店区,2,corrected\n", merged(dir, "county_hourly", 5));
    }

    @Test
    void aRowIsCopiedAsItWasWrittenLineBreaksInCellsIncluded() throws Exception {
        List<String> cells = List.of("山西省/太原市/小店区", "", "a\nb, \"c\"", "\r\n", "end");
        part(CsvParts.partName("county_daily", 0), List.of(
                List.of("7200", "山西省/太原市/小店区", "later"),
                Stream.concat(Stream.of("3600"), cells.stream()).toList()));
        StringWriter expected = new StringWriter();
        new CsvWriter(expected).writeRow(cells);
        String text = merged(dir, "county_daily", 2);
        assertEquals(expected + "山西省/太原市/小店区,later\n", text);
        assertEquals(cells, Csv.records(text).get(0).fields());
    }

    @Test
    void aPartThatIsNotOneIsRefused() throws IOException {
        Files.writeString(dir.resolve(CsvParts.partName("county_daily", 0)), "no order here\n");
        IOException e = assertThrows(IOException.class, () -> merged(dir, "county_daily", 0));
        assertTrue(e.getMessage().contains("unreadable part"), e.getMessage());
    }

    @Test
    void aTableWithoutPartsIsEmpty() throws IOException {
        assertEquals("", merged(dir.resolve("missing"), "county_hourly", 0));
    }
}
