package org.airindex.io.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 writer: a field is quoted only when it holds a comma, a quote or a line break. */
public final class CsvWriter implements Closeable {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void writeRow(List<String> fields) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i) == null ? "" : fields.get(i)));
        }
        sb.append('\n');
        out.write(sb.toString());
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
