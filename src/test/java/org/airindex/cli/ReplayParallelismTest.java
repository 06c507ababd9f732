package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay's tables do not depend on its parallelism: with one subtask every key is in one place, so any
 * operator that sees a key's records on several subtasks (a stream keyed again where its records were not
 * gathered by that key) shows here, as in the pollution episodes of the sample province's cities.
 */
class ReplayParallelismTest {
    @TempDir
    Path work;

    @Test
    void everyTableIsTheSameAtParallelismOneAndThree() throws Exception {
        AirIndexConfig config = ConfigLoader.load(Path.of("conf/airindex.yaml"));
        Path input = work.resolve("readings.jsonl");
        CliRun.sampleReadings(config.stations, 10, input);
        Path one = replay(input, config, 1);
        Path three = replay(input, config, 3);

        List<String> alerts = Files.readAllLines(one.resolve("alerts.csv"), StandardCharsets.UTF_8);
        assertTrue(alerts.stream().anyMatch(a -> a.contains(",episode,")), "the input holds episodes");
        try (Stream<Path> tables = Files.walk(one)) {
            List<Path> csv = tables.filter(p -> p.toString().endsWith(".csv")).map(one::relativize).sorted().toList();
            assertTrue(csv.size() > 10 && csv.contains(Path.of("history", "ranking.csv")), csv.toString());
            for (Path table : csv) {
                assertEquals(Files.readString(one.resolve(table)), Files.readString(three.resolve(table)),
                        table.toString());
            }
        }
    }

    private Path replay(Path input, AirIndexConfig config, int parallelism) {
        Path out = work.resolve("p" + parallelism);
        CliRun run = CliRun.of("replay", "--input", input.toString(), "--stations", config.stations,
                "--out", out.toString(), "--parallelism", Integer.toString(parallelism));
        assertEquals(0, run.status, run.err);
        return out;
    }
}
