package org.airindex.io.file;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvFormatException;
import org.airindex.io.json.ReadingJson;
import org.airindex.io.json.TimeBounds;
import org.airindex.records.DeadLetter.Reason;
import org.airindex.records.RawReading;

/**
 * Readings from a file for replay (STANDARDS.md §7): JSON lines, or CSV with a header of the same
 * names ({@code station,ts,interval_s,so2,no2,co,o3,pm10,pm25}). The format is told by the first
 * line. Each record's origin is its line number, which the dead-letter output reports. Not
 * splittable, so one reader sees the lines in order and counts them.
 */
public class ReadingFileFormat extends SimpleStreamFormat<RawReading> {
    private static final long serialVersionUID = 1L;

    private final TimeBounds bounds;

    public ReadingFileFormat(TimeBounds bounds) {
        this.bounds = bounds;
    }

    @Override
    public StreamFormat.Reader<RawReading> createReader(Configuration config, FSDataInputStream stream) {
        BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        return new StreamFormat.Reader<>() {
            private long line;
            private List<String> header;
            private boolean started;

            @Override
            public RawReading read() throws IOException {
                String text;
                while ((text = in.readLine()) != null) {
                    line++;
                    String trimmed = text.replace("\uFEFF", "").trim();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (!started) {
                        started = true;
                        if (!trimmed.startsWith("{")) {
                            header = cells(trimmed).stream().map(String::trim).toList();
                            continue;
                        }
                    }
                    String origin = "line " + line;
                    return header == null ? ReadingJson.parse(origin, text, bounds) : fromCsv(origin, text);
                }
                return null;
            }

            private RawReading fromCsv(String origin, String text) {
                List<String> cells;
                try {
                    cells = cells(text);
                } catch (IOException e) {
                    return RawReading.rejected(origin, text, Reason.UNPARSABLE, "not a CSV row: " + e.getMessage());
                }
                if (cells.size() != header.size()) {
                    return RawReading.rejected(origin, text, Reason.UNPARSABLE,
                            "expected " + header.size() + " columns, found " + cells.size());
                }
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < cells.size(); i++) {
                    String cell = cells.get(i).trim();
                    if (cell.isEmpty()) {
                        continue;
                    }
                    String name = header.get(i);
                    if (name.equals("station")) {
                        node.put(name, cell);
                    } else {
                        try {
                            node.put(name, new BigDecimal(cell));
                        } catch (NumberFormatException e) {
                            node.put(name, cell); // a string where a number belongs is the parser's wrong_type
                        }
                    }
                }
                if (node.get("ts") != null && node.get("ts").isBigDecimal()) {
                    node.put("ts", node.get("ts").longValue());
                }
                if (node.get("interval_s") != null && node.get("interval_s").isBigDecimal()) {
                    node.put("interval_s", node.get("interval_s").intValue());
                }
                return ReadingJson.fromNode(origin, text, node, bounds);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static List<String> cells(String line) throws IOException {
        try {
            return Csv.cells(line);
        } catch (CsvFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public TypeInformation<RawReading> getProducedType() {
        return TypeInformation.of(RawReading.class);
    }
}
