package org.airindex.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 reader: fields separated by commas, optionally in double quotes with {@code ""} for a
 * quote; quoted fields may hold commas and line breaks; CRLF or LF line ends. A leading UTF-8 BOM
 * (as spreadsheet programs write) is dropped; blank lines are skipped.
 */
public final class CsvReader {
    private final Reader in;
    /** Read ahead in blocks: a char at a time through the reader costs a synchronized call per char. */
    private final char[] buffer;
    private int position;
    private int length;
    /** A char given back by {@link #unread}, or NONE. */
    private int pushedBack = NONE;
    private static final int NONE = -2;
    private final List<CsvRecord> records = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    /** The current field already has text or a quoted section, so a quote is no longer an opening one. */
    private boolean fieldBegun;
    /** Something (even an empty field before a comma) belongs to the current record. */
    private boolean recordBegun;
    private int line = 1;
    private int recordLine = 1;

    private CsvReader(Reader in, int bufferSize) {
        this.in = in;
        this.buffer = new char[bufferSize];
    }

    public static List<CsvRecord> readAll(Reader in) throws IOException, CsvFormatException {
        return new CsvReader(in, 1 << 14).parse();
    }

    /** The records of a text already in memory, such as one line of a file read line by line. */
    public static List<CsvRecord> readAll(String text) throws CsvFormatException {
        try {
            // A block the size of the text: a reading source parses hundreds of thousands of lines.
            return new CsvReader(new StringReader(text), Math.max(1, text.length())).parse();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringReader cannot fail", e);
        }
    }

    private List<CsvRecord> parse() throws IOException, CsvFormatException {
        int c = read();
        if (c == '\uFEFF') {
            c = read();
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
                    int next = read();
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
            c = read();
        }
        endRecord();
        return records;
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        if (position == length) {
            length = Math.max(0, in.read(buffer, 0, buffer.length));
            position = 0;
            if (length == 0) {
                return -1;
            }
        }
        return buffer[position++];
    }

    private void readQuoted() throws IOException, CsvFormatException {
        while (true) {
            int c = read();
            if (c == -1) {
                throw new CsvFormatException("line " + recordLine + ": unterminated quoted field");
            }
            if (c == '"') {
                int next = read();
                if (next == '"') {
                    field.append('"');
                    continue;
                }
                if (next != -1) {
                    pushedBack = next;
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
