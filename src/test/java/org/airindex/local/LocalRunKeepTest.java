package org.airindex.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two local runs with {@code --keep}: the second finds the servers the first left running, produces only
 * the day after, and resumes the job from its savepoint, so the first run's open last hour and day close
 * with state that came through the savepoint (a whole day of hours on both sides of it).
 */
class LocalRunKeepTest {
    @TempDir
    Path work;

    @Test
    void aSecondKeptRunContinuesWhereTheFirstLeftOff() throws Exception {
        String first = run(LocalDate.of(2026, 11, 20), 2);
        assertTrue(first.contains("starting InfluxDB and Kafka"), first);
        KeptServers kept = KeptServers.find(work).orElseThrow(() -> new AssertionError("nothing kept:\n" + first));
        try {
            assertEquals(LocalDate.of(2026, 11, 21), kept.lastDay());
            InfluxQl influx = new InfluxQl(kept.influxUrl(), "airindex", org.airindex.io.influx.InfluxAuth.none());
            String lastHour = "SELECT count(aqi) FROM station_hourly WHERE time = '2026-11-21T16:00:00Z'";
            assertEquals(List.of(), influx.query(lastHour), "stopped, not drained: the last hour is still open");

            String second = run(LocalDate.of(2026, 11, 20), 3);
            assertTrue(second.contains("continuing the kept run"), second);
            assertTrue(second.contains("2026-11-22 .. 2026-11-22"), "only the day since: " + second);
            assertTrue(((Number) influx.query(lastHour).get(0).rows().get(0).get("count")).longValue() > 30,
                    "the first run's last hour closed in the second");
            List<Series> hoursOfDay = influx.query("SELECT count(aqi) FROM county_hourly WHERE county = '小店区' "
                    + "AND time > '2026-11-20T16:00:00Z' AND time <= '2026-11-21T16:00:00Z'");
            assertEquals(24L, ((Number) hoursOfDay.get(0).rows().get(0).get("count")).longValue());
            List<Series> day = influx.query("SELECT stations, aqi FROM county_daily WHERE county = '小店区' "
                    + "AND time = '2026-11-21T16:00:00Z'");
            assertEquals(1, day.size(), "the day across the savepoint closed: " + day);
        } finally {
            for (String pid : kept.pids().split(" ")) {
                Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(pid));
                if (server.isPresent()) {
                    server.get().destroy();
                    server.get().onExit().get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private String run(LocalDate from, int days) throws Exception {
        AirIndexConfig config = ConfigLoader.load(Path.of("conf/airindex.yaml"));
        // The readings' dates are checked against this, not against the machine's date.
        config.processingClock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LocalRun(config, work, System.getProperty("java.class.path"), from, days, 2,
                new PrintStream(out, true, StandardCharsets.UTF_8)).run(true);
        return out.toString(StandardCharsets.UTF_8);
    }
}
