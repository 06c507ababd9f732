package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.StationRegistry;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Standards;
import org.airindex.domain.Validity;
import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvRecord;
import org.airindex.io.json.ReadingJson;
import org.airindex.io.json.TimeBounds;
import org.airindex.local.SyntheticReadings;
import org.airindex.records.RawReading;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input never changes a result: three days of valid readings for the sample registry are
 * replayed alone and again mixed with more than 10,000 hostile lines of every kind a province's feed
 * produces (generated, with a fixed seed). Every table is the same, and every hostile line but the exact
 * re-sends of valid readings is in dead_letter.csv with its reason.
 */
class HostileReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HOSTILE = 10_500;

    @TempDir
    static Path work;
    static Path clean;
    static Path mixed;
    /** Line number in the mixed file → the reason its dead letter must give (null for a re-send). */
    static final Map<Long, String> hostileLines = new TreeMap<>();

    @BeforeAll
    static void replayBoth() throws Exception {
        StationRegistry registry = StationRegistry.load(Path.of("conf/stations.csv"));
        List<SyntheticReadings.Record> valid = new SyntheticReadings(registry, ZoneId.of("Asia/Shanghai"),
                LocalDate.of(2026, 11, 1), 3, 11L).generate();
        // The synthetic bad records are hostile too: keep only the valid readings as the clean input.
        List<String> validLines = valid.stream().map(SyntheticReadings.Record::json)
                .filter(j -> isValidReading(registry, j)).toList();

        Random random = new Random(20261201L);
        List<String[]> hostile = new ArrayList<>();
        for (int i = 0; i < HOSTILE; i++) {
            hostile.add(hostile(random, validLines));
        }
        // A valid reading first: a file whose first line is no JSON object is read as CSV with a header.
        List<String> mixedLines = new ArrayList<>(List.of(validLines.get(0)));
        int h = 0;
        for (String line : validLines.subList(1, validLines.size())) {
            while (h < hostile.size() && random.nextInt(4) != 0) {
                mixedLines.add(hostile.get(h)[1]);
                hostileLines.put((long) mixedLines.size(), hostile.get(h++)[0]);
            }
            mixedLines.add(line);
        }
        while (h < hostile.size()) {
            mixedLines.add(hostile.get(h)[1]);
            hostileLines.put((long) mixedLines.size(), hostile.get(h++)[0]);
        }
        clean = replay("clean", validLines);
        mixed = replay("mixed", mixedLines);
    }

    /** Writes the lines (line numbers from 1) and replays them. */
    private static Path replay(String name, List<String> lines) throws Exception {
        Path input = work.resolve(name + ".jsonl");
        Files.write(input, lines, StandardCharsets.UTF_8);
        Path out = work.resolve(name);
        CliRun run = CliRun.of("replay", "--input", input.toString(), "--stations", "conf/stations.csv",
                "--baselines", "none", "--out", out.toString(), "--parallelism", "2");
        assertTrue(run.status == 0 || run.status == Command.BAD_ROWS, run.err);
        return out;
    }

    /** Parsed, of a registered station, every value plausible: what the job uses whole. */
    private static boolean isValidReading(StationRegistry registry, String json) {
        RawReading r = ReadingJson.parse("clean", json, TimeBounds.of(new AirIndexConfig()));
        if (r.reading == null || registry.get(r.reading.station) == null) {
            return false;
        }
        Validity validity = Standards.loadDefault().forDate(LocalDate.of(2026, 11, 1)).validity();
        for (Pollutant p : Pollutant.values()) {
            if (r.reading.get(p) != null && !validity.plausible(p, r.reading.get(p))) {
                return false;
            }
        }
        return true;
    }

    /** {reason the dead letter must give (null: a re-send, no dead letter), the line}. */
    private static String[] hostile(Random random, List<String> valid) throws Exception {
        String base = valid.get(random.nextInt(valid.size()));
        ObjectNode node = (ObjectNode) JSON.readTree(base);
        Function<ObjectNode, String> write = n -> {
            try {
                return JSON.writeValueAsString(n);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String metachars = "a,b=c d\"e\\\\f\\u6c34\\t'{}";
        switch (random.nextInt(16)) {
            case 0 -> {
                return new String[] {"unparsable", base.substring(0, 1 + random.nextInt(base.length() - 2))};
            }
            case 1 -> {
                return new String[] {"unparsable", "[".repeat(1 + random.nextInt(5000))};
            }
            case 2 -> {
                return new String[] {"unparsable", List.of("42", "\"text\"", "[1,2]", "null", "true", "{]", "garbage ,;")
                        .get(random.nextInt(7))};
            }
            case 3 -> {
                node.remove(random.nextBoolean() ? "station" : "ts");
                return new String[] {"missing_field", write.apply(node)};
            }
            case 4 -> {
                switch (random.nextInt(4)) {
                    case 0 -> node.put("station", random.nextInt());
                    case 1 -> node.put("ts", random.nextBoolean());
                    case 2 -> node.put("pm25", "35" + metachars);
                    default -> node.put("co", 1e308 * 10);
                }
                return new String[] {"wrong_type", write.apply(node).replace("\"co\":\"Infinity\"", "\"co\":1e999999")
                        .replace("\"co\":Infinity", "\"co\":1e999999")};
            }
            case 5 -> {
                node.put("ts", List.of("1970-01-01T00:00:00Z", "2099-01-01T00:00:00+08:00", "+300000000-01-01T00:00:00Z",
                        "-300000000-01-01T00:00:00Z", "1999-12-31T23:00:00Z", "2026-13-45T00:00:00Z", "yesterday",
                        "2026-11-01T10:00:00").get(random.nextInt(8)));
                return new String[] {"bad_timestamp", write.apply(node)};
            }
            case 6 -> {
                node.put("ts", List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 4_102_444_800_000L).get(random.nextInt(5)));
                return new String[] {"bad_timestamp", write.apply(node)};
            }
            case 7 -> {
                node.put("ts", new java.math.BigInteger("1" + "0".repeat(20 + random.nextInt(40))));
                return new String[] {"bad_timestamp", write.apply(node)};
            }
            case 8 -> {
                node.put("interval_s", List.of(0L, -5L, 3601L, 1_000_000_000_000L, 7200L).get(random.nextInt(5)));
                return new String[] {"bad_interval", write.apply(node)};
            }
            case 9 -> {
                node.put("station", "Z" + random.nextInt(1_000_000) + metachars);
                return new String[] {"unknown_station", write.apply(node)};
            }
            case 10 -> {
                // Oversized codes; one in ten of them over 100 KB.
                node.put("station", "X".repeat(random.nextInt(10) == 0 ? 100_000 + random.nextInt(50_000) : 1 + random.nextInt(5_000)));
                return new String[] {"unknown_station", write.apply(node)};
            }
            case 11 -> {
                // An impossible value on a real reading: the value is dropped, the reading (a re-send) kept.
                ObjectNode copy = node.deepCopy();
                copy.put(List.of("pm25", "pm10", "so2", "no2", "co", "o3").get(random.nextInt(6)), -1 - random.nextInt(500));
                return new String[] {"impossible_value", write.apply(copy)};
            }
            case 12 -> {
                node.put("station", "\u0000\u0001" + metachars);
                return new String[] {"unknown_station", write.apply(node)};
            }
            case 13 -> {
                node.putObject("ts").put("nested", "[[{\"a\":1}]]");
                return new String[] {"wrong_type", write.apply(node)};
            }
            default -> {
                return new String[] {null, base};
            }
        }
    }

    private static List<List<String>> table(Path dir, String file) throws Exception {
        List<CsvRecord> rows = Csv.records(Files.readString(dir.resolve(file)));
        return rows.stream().map(CsvRecord::fields).toList();
    }

    @Test
    void everyResultTableIsTheSame() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (var files = Files.list(clean)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".csv")).forEach(tables::add);
        }
        tables.remove("dead_letter.csv");
        assertTrue(tables.size() >= 15, "tables: " + tables);
        for (String t : tables) {
            assertEquals(Files.readString(clean.resolve(t)), Files.readString(mixed.resolve(t)), t + " changed");
        }
    }

    @Test
    void everyHostileLineIsADeadLetterWithItsReason() throws Exception {
        List<List<String>> dead = table(mixed, "dead_letter.csv");
        List<String> header = dead.get(0);
        Map<Long, String> reasons = new TreeMap<>();
        for (List<String> row : dead.subList(1, dead.size())) {
            reasons.put(Long.parseLong(row.get(header.indexOf("line"))), row.get(header.indexOf("reason")));
        }
        long resends = hostileLines.values().stream().filter(r -> r == null).count();
        assertTrue(hostileLines.size() - resends > 9_000, "hostile lines: " + hostileLines.size());
        for (Map.Entry<Long, String> e : hostileLines.entrySet()) {
            assertEquals(e.getValue(), reasons.get(e.getKey()), "line " + e.getKey());
        }
        assertEquals(hostileLines.size() - resends, reasons.size(), "no dead letter for a valid line");
        assertEquals(List.of(header), table(clean, "dead_letter.csv"), "the clean input has none");
    }
}
