package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --out} in batch mode writes alerts.csv, one row per alert: station A1 reports the
 * same PM2.5 for hours 1..7 of 2026-11-10 and then moves, A2 moves every hour.
 */
class ReplayAlertsTest {
    @Test
    void aFlatLineIsOneRowWithItsStartEndAndMessage(@TempDir Path dir) throws Exception {
        Path stations = CliRun.write(dir, "stations.csv", """
                station,name,county,city,province,lat,lon
                A1,甲一,小店区,太原市,山西省,37.8,112.5
                A2,甲二,小店区,太原市,山西省,37.7,112.5
                """);
        StringBuilder readings = new StringBuilder();
        for (int hour = 1; hour <= 10; hour++) {
            String ts = String.format("2026-11-10T%02d:00:00+08:00", hour);
            readings.append("{\"station\":\"A1\",\"ts\":\"").append(ts).append("\",\"pm25\":")
                    .append(hour <= 7 ? 35 : 33 + hour).append(",\"pm10\":").append(60 + hour).append("}\n");
            readings.append("{\"station\":\"A2\",\"ts\":\"").append(ts).append("\",\"pm25\":").append(30 + hour)
                    .append(",\"pm10\":").append(70 + hour).append("}\n");
        }
        Path input = CliRun.write(dir, "readings.jsonl", readings.toString());
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("replay", "--input", input.toString(), "--stations", stations.toString(),
                "--out", out.toString(), "--parallelism", "2");
        assertEquals(0, run.status, run.err);
        assertEquals("", run.err, "no progress lines where no one watches a terminal");
        List<String> lines = Files.readAllLines(out.resolve("alerts.csv"), StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals("id,type,level,place,start,end,message", lines.get(0));
        String[] row = lines.get(1).split(",", 7);
        assertEquals("flat_line.pm25", row[1]);
        assertEquals("suspect", row[2]);
        assertEquals("山西省/太原市/小店区/A1", row[3]);
        assertEquals("2026-11-10T00:00:00+08:00", row[4]);
        assertEquals("2026-11-10T07:00:00+08:00", row[5]);
        assertTrue(row[6].contains("恢复变化") && row[6].contains("varies again"), row[6]);
    }
}
