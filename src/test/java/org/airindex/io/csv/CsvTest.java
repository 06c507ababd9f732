package org.airindex.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        String text = "\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,\"two\nlines\",\n3,,\"\"\n";
        List<CsvRecord> r = CsvReader.readAll(new StringReader(text));
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
    void lastLineWithoutNewlineAndLoneCr() throws Exception {
        List<CsvRecord> r = CsvReader.readAll(new StringReader("a,b\r1,2"));
        assertEquals(List.of("1", "2"), r.get(1).fields());
        assertEquals(2, r.get(1).line());
    }

    @Test
    void unterminatedQuoteIsAnError() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.readAll(new StringReader("a,b\n1,\"open\n")));
        assertEquals("line 2: unterminated quoted field", e.getMessage());
    }

    @Test
    void writerQuotesOnlyWhenNeededAndRoundTrips() throws Exception {
        StringWriter w = new StringWriter();
        CsvWriter csv = new CsvWriter(w);
        List<String> row = List.of("plain", "a,b", "q\"q", "l\nl", "", "优");
        csv.writeRow(row);
        csv.flush();
        assertEquals("plain,\"a,b\",\"q\"\"q\",\"l\nl\",,优\n", w.toString());
        assertEquals(row, CsvReader.readAll(new StringReader(w.toString())).get(0).fields());
    }

    @Test
    void aTextInMemoryReadsAsThroughAReader() throws Exception {
        String longField = "x".repeat(40_000);
        for (String text : List.of("", "a", "1,\"x, y\",\"say \"\"hi\"\"\"", "\uFEFFa,b\r\n1,\"two\nlines\"\n",
                "a," + longField + ",b\n")) {
            assertEquals(CsvReader.readAll(new StringReader(text)), CsvReader.readAll(text), text);
        }
        assertThrows(CsvFormatException.class, () -> CsvReader.readAll("1,\"open"));
    }
}
