package org.airindex.io.csv;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 reader: fields separated by commas, optionally in double quotes with {@code ""} for a
 * quote; quoted fields may hold commas and line breaks; CRLF or LF line ends. A leading UTF-8 BOM
 * (as spreadsheet programs write) is dropped; blank lines are skipped.
 */
public final class CsvReader {
    private final PushbackReader in;
    private final List<CsvRecord> records = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    /** The current field already has text or a quoted section, so a quote is no longer an opening one. */
    private boolean fieldBegun;
    /** Something (even an empty field before a comma) belongs to the current record. */
    private boolean recordBegun;
    private int line = 1;
    private int recordLine = 1;

    private CsvReader(Reader in) {
        this.in = new PushbackReader(in, 1);
    }

    public static List<CsvRecord> readAll(Reader in) throws IOException, CsvFormatException {
        return new CsvReader(in).parse();
    }

    private List<CsvRecord> parse() throws IOException, CsvFormatException {
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read();
        }
        while (c != -1) {
            if (c == '"' && !fieldBegun) {
                readQuoted();
                fieldBegun = true;
                recordBegun = true;
            } else if (c == ',') {
                endField();
                recordBegun = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int next = in.read();
                    if (next != '\n') {
                        endRecord();
                        c = next;
                        continue;
                    }
                }
                endRecord();
            } else {
                field.append((char) c);
                fieldBegun = true;
                recordBegun = true;
            }
            c = in.read();
        }
        endRecord();
        return records;
    }

    private void readQuoted() throws IOException, CsvFormatException {
        while (true) {
            int c = in.read();
            if (c == -1) {
                throw new CsvFormatException("line " + recordLine + ": unterminated quoted field");
            }
            if (c == '"') {
                int next = in.read();
                if (next == '"') {
                    field.append('"');
                    continue;
                }
                if (next != -1) {
                    in.unread(next);
                }
                return;
            }
            if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
        fieldBegun = false;
    }

    private void endRecord() {
        if (recordBegun || fieldBegun) {
            endField();
            records.add(new CsvRecord(recordLine, fields));
        }
        fields.clear();
        field.setLength(0);
        fieldBegun = false;
        recordBegun = false;
        line++;
        recordLine = line;
    }
}
