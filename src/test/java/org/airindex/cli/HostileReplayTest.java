package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.airindex.config.StationRegistry;
import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvRecord;
import org.airindex.testing.HostileReadings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input never changes a result: three days of valid readings for the sample registry are
 * replayed alone and again mixed with more than 10,000 hostile lines of every kind a province's feed
 * produces ({@link HostileReadings}). Every table is the same, and every hostile line but the exact
 * re-sends of valid readings is in dead_letter.csv with its reason.
 */
class HostileReplayTest {
    private static final int HOSTILE = 10_500;

    @TempDir
    static Path work;
    static Path clean;
    static Path mixed;
    /** Line number in the mixed file → the reason its dead letter must give (null for a re-send). */
    static final Map<Long, String> hostileLines = new TreeMap<>();

    @BeforeAll
    static void replayBoth() throws Exception {
        List<HostileReadings.Line> valid = HostileReadings.valid(StationRegistry.load(Path.of("conf/stations.csv")));
        List<HostileReadings.Line> mixedLines = HostileReadings.mix(valid, HOSTILE, 20261201L);
        for (int i = 0; i < mixedLines.size(); i++) {
            if (mixedLines.get(i).hostile()) {
                hostileLines.put(i + 1L, mixedLines.get(i).reason());
            }
        }
        clean = replay("clean", valid);
        mixed = replay("mixed", mixedLines);
    }

    /** Writes the lines (line numbers from 1) and replays them. */
    private static Path replay(String name, List<HostileReadings.Line> lines) throws Exception {
        Path input = work.resolve(name + ".jsonl");
        Files.write(input, lines.stream().map(HostileReadings.Line::text).toList(), StandardCharsets.UTF_8);
        Path out = work.resolve(name);
        CliRun run = CliRun.of("replay", "--input", input.toString(), "--stations", "conf/stations.csv",
                "--baselines", "none", "--out", out.toString(), "--parallelism", "2");
        assertTrue(run.status == 0 || run.status == Subcommand.BAD_ROWS, run.err);
        return out;
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
