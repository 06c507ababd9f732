package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvRecord;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;
import org.airindex.jobs.ProductionIo;
import org.airindex.local.SyntheticReadings;
import org.airindex.testing.RealServers;

/**
 * The same readings through the streaming job (Kafka → InfluxDB, parallelism 2) and through
 * {@code replay --out} (batch): every county's daily and period-to-date values are identical.
 */
class ReplayMatchesStreamingTest {
    @TempDir
    static Path work;
    static RealServers servers;
    static InfluxQl influx;
    static Path replayed;

    @BeforeAll
    static void runBoth() throws Exception {
        AirIndexConfig config = ConfigLoader.load(Path.of("conf/airindex.yaml"));
        Path input = work.resolve("readings.jsonl");
        List<SyntheticReadings.Record> records = CliRun.sampleReadings(config.stations, 3, input);
        replayed = work.resolve("replay");
        CliRun replay = CliRun.of("replay", "--input", input.toString(), "--stations", config.stations,
                "--out", replayed.toString(), "--parallelism", "2");
        assertEquals(0, replay.status, replay.err);

        servers = RealServers.start(work, config);
        servers.produce(records.stream().map(r -> new String[] {r.key(), r.json()}).toList());
        StreamExecutionEnvironment env = RealServers.environment(config);
        ProductionIo.job(config, true).build(env);
        env.execute("streaming for comparison");
        influx = servers.influx();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static List<Map<String, String>> csv(String file) throws Exception {
        List<CsvRecord> rows = Csv.records(Files.readString(replayed.resolve(file)));
        List<String> header = rows.get(0).fields();
        return rows.subList(1, rows.size()).stream().map(r -> {
            Map<String, String> m = new TreeMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.fields().get(i));
            }
            return m;
        }).toList();
    }

    /** The streaming value as the CSV writes it: reported decimals, empty when missing. */
    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : v.toString();
    }

    private static String canonical(String csvCell) {
        return csvCell.isEmpty() || !csvCell.matches("-?[0-9.]+") ? csvCell
                : new BigDecimal(csvCell).stripTrailingZeros().toPlainString();
    }

    @Test
    void countyDailyValuesAreIdentical() throws Exception {
        List<Map<String, String>> rows = csv("county_daily.csv");
        assertEquals(29 * 3, rows.size(), "29 counties, 3 days");
        int compared = 0;
        for (Map<String, String> row : rows) {
            String[] place = row.get("place").split("/");
            long dayEnd = LocalDate.parse(row.get("date")).plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai"))
                    .toEpochSecond();
            List<Series> s = influx.query("SELECT * FROM county_daily WHERE city=" + InfluxQl.literal(place[1])
                    + " AND county=" + InfluxQl.literal(place[2]) + " AND time=" + dayEnd + "s");
            assertEquals(1, s.size(), row.toString());
            Map<String, Object> streamed = s.get(0).rows().get(0);
            for (String column : List.of("so2", "no2", "co", "pm10", "pm25", "o3_8h_max", "o3_1h_max", "aqi",
                    "category", "primary", "valid")) {
                assertEquals(canonical(row.get(column)), text(streamed.get(column)),
                        row.get("place") + " " + row.get("date") + " " + column);
                compared++;
            }
        }
        assertTrue(compared > 900);
    }

    @Test
    void countyPeriodValuesAreIdentical() throws Exception {
        List<Map<String, String>> rows = csv("county_period.csv");
        assertEquals(29 * 3, rows.size(), "29 counties, month, year and the ozone-summer campaign to date");
        for (Map<String, String> row : rows) {
            String[] place = row.get("place").split("/");
            long asOfEnd = LocalDate.parse(row.get("as_of")).plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai"))
                    .toEpochSecond();
            List<Series> s = influx.query("SELECT * FROM county_period WHERE city=" + InfluxQl.literal(place[1])
                    + " AND county=" + InfluxQl.literal(place[2]) + " AND period=" + InfluxQl.literal(row.get("period"))
                    + " AND time=" + asOfEnd + "s");
            assertEquals(1, s.size(), row.toString());
            Map<String, Object> streamed = s.get(0).rows().get(0);
            for (String column : List.of("so2", "no2", "pm10", "pm25", "co_p95", "o3_8h_p90", "composite",
                    "valid_days", "valid", "composite_change", "pm25_change")) {
                assertEquals(canonical(row.get(column)), text(streamed.get(column)),
                        row.get("place") + " " + row.get("period") + " " + column);
            }
        }
    }
}
