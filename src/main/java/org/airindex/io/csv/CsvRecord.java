package org.airindex.io.csv;

import java.util.List;

/** One CSV record with the file line it starts on (1 = the header), for error messages. */
public record CsvRecord(int line, List<String> fields) {
    public CsvRecord {
        fields = List.copyOf(fields);
    }
}
