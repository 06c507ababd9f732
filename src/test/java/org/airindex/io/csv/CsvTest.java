package org.airindex.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        String text = "\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,\"two\nlines\",\n3,,\"\"\n";
        List<CsvRecord> r = Csv.records(text);
        assertEquals(4, r.size());
        assertEquals(List.of("a", "b", "c"), r.get(0).fields());
        assertEquals(List.of("1", "x, y", "say \"hi\""), r.get(1).fields());
        assertEquals(2, r.get(1).line());
        assertEquals(List.of("2", "two\nlines", ""), r.get(2).fields());
        assertEquals(4, r.get(2).line(), "the blank line 3 is skipped");
        assertEquals(List.of("3", "", ""), r.get(3).fields());
        assertEquals(6, r.get(3).line(), "the quoted line break counts");
    }

    @Test
    void configurationTablesSkipCommentLinesButCountThem() throws Exception {
        List<CsvRecord> r = Csv.records("\uFEFF# registry\na,b\n\n# note, with a comma\r\n1,\"#2\n3\"\n4,5", Csv.CONFIG);
        assertEquals(List.of(List.of("a", "b"), List.of("1", "#2\n3"), List.of("4", "5")),
                r.stream().map(CsvRecord::fields).toList());
        assertEquals(List.of(2, 5, 7), r.stream().map(CsvRecord::line).toList());
    }

    @Test
    void lastLineWithoutNewlineAndLoneCr() throws Exception {
        List<CsvRecord> r = Csv.records("a,b\r1,2");
        assertEquals(List.of("1", "2"), r.get(1).fields());
        assertEquals(2, r.get(1).line());
    }

    @Test
    void unterminatedQuoteIsAnError() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> Csv.records("a,b\n1,\"open\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(CsvFormatException.class, () -> Csv.cells("1,\"open"));
        assertThrows(CsvFormatException.class, () -> Csv.cells("1,\"closed\"junk"));
    }

    @Test
    void oneLineGivesItsCells() throws Exception {
        assertEquals(List.of(), Csv.cells(""));
        assertEquals(List.of("a"), Csv.cells("a"));
        assertEquals(List.of("1", "x, y", "say \"hi\"", ""), Csv.cells("1,\"x, y\",\"say \"\"hi\"\"\","));
    }

    /** What the project writes, the project reads back, whatever the cells hold. */
    @Test
    void writerQuotesOnlyWhenNeededAndAnyRowRoundTrips() throws Exception {
        StringWriter w = new StringWriter();
        CsvWriter csv = new CsvWriter(w);
        csv.writeRow(List.of("plain", "a,b", "q\"q", "l\nl", "", "优"));
        csv.flush();
        assertEquals("plain,\"a,b\",\"q\"\"q\",\"l\nl\",,优\n", w.toString());

        Random random = new Random(13);
        String alphabet = "ab,\"\n\r #优\t";
        List<List<String>> rows = new ArrayList<>();
        StringWriter all = new StringWriter();
        CsvWriter out = new CsvWriter(all);
        for (int i = 0; i < 2_000; i++) {
            List<String> row = new ArrayList<>();
            row.add("r" + i); // a row of one empty cell is a blank line, which tables skip
            for (int c = random.nextInt(5); c > 0; c--) {
                StringBuilder cell = new StringBuilder();
                for (int k = random.nextInt(6); k > 0; k--) {
                    cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                row.add(cell.toString());
            }
            rows.add(row);
            out.writeRow(row);
        }
        out.flush();
        List<CsvRecord> read = Csv.records(all.toString());
        assertEquals(rows, read.stream().map(CsvRecord::fields).toList());
        for (int i = 1; i < read.size(); i++) {
            long breaks = String.join(",", rows.get(i - 1)).chars().filter(ch -> ch == '\n').count();
            long crs = String.join(",", rows.get(i - 1)).replace("\r\n", "\n").chars().filter(ch -> ch == '\r').count();
            assertEquals(read.get(i - 1).line() + 1 + breaks + crs, read.get(i).line(), "line of row " + i);
        }
    }
}
