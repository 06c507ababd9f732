package org.airindex.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.airindex.local.LocalInfluxd;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes through the 1.x path of influxdb-client-java to a real influxd and reads back with InfluxQL. */
class InfluxRoundTripTest {

    private static final String DB = "空气 质量,test";

    @TempDir
    static Path workDir;
    private static LocalInfluxd influxd;
    private static InfluxQl influxQl;

    @BeforeAll
    static void startInfluxd() throws IOException {
        influxd = LocalInfluxd.start(workDir);
        influxd.createDatabase(DB);
        influxQl = new InfluxQl(influxd.url(), DB, InfluxAuth.none());
    }

    @AfterAll
    static void stopInfluxd() {
        if (influxd != null) {
            influxd.close();
        }
    }

    private static InfluxSettings settings(int batchSize) {
        return InfluxSettings.v1(influxd.url(), DB).batchSize(batchSize).maxRetries(1)
                .retryBackoff(Duration.ofMillis(10)).build();
    }

    private static List<Map<String, Object>> select(String measurement) throws IOException {
        List<Series> series = influxQl.query("SELECT * FROM " + InfluxQl.identifier(measurement));
        return series.isEmpty() ? List.of() : series.get(0).rows();
    }

    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void escapedNamesAndValuesComeBackExactly() throws IOException {
        String measurement = "aqi hourly,v=1";
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("county", "南山区, 深圳=广东");
        tags.put("station name", "Site \"A\" \\ west");
        Map<String, Object> values = fields(
                "aqi", 87.25,
                "pm2.5 µg/m³", 42L,
                "primary pollutant", "PM2.5 \"fine\", \\ 细颗粒物 = worst",
                "ok", true,
                "missing", null);
        String line = Lines.line(measurement, tags, values, 1_700_000_000L).orElseThrow();

        try (InfluxWriter writer = new InfluxWriter(settings(10))) {
            writer.write(List.of(line));
        }

        List<Map<String, Object>> rows = select(measurement);
        assertEquals(1, rows.size(), "rows: " + rows);
        Map<String, Object> row = rows.get(0);
        assertEquals(1_700_000_000L, row.get("time"));
        assertEquals("南山区, 深圳=广东", row.get("county"));
        assertEquals("Site \"A\" \\ west", row.get("station name"));
        assertEquals(87.25, row.get("aqi"));
        assertEquals(42L, row.get("pm2.5 µg/m³"));
        assertEquals("PM2.5 \"fine\", \\ 细颗粒物 = worst", row.get("primary pollutant"));
        assertEquals(true, row.get("ok"));
        assertFalse(row.containsKey("missing"));
    }

    @Test
    void rewritingTheSameTagsAndTimestampReplacesThePoint() throws IOException {
        Map<String, String> place = Map.of("county", "朝阳区");
        try (InfluxWriter writer = new InfluxWriter(settings(10))) {
            writer.write(List.of(Lines.line("idem", place, fields("aqi", 50.5), 1_700_003_600L).orElseThrow()));
            writer.write(List.of(Lines.line("idem", place, fields("aqi", 61.5), 1_700_003_600L).orElseThrow()));
        }

        List<Map<String, Object>> rows = select("idem");
        assertEquals(1, rows.size(), "rows: " + rows);
        assertEquals(61.5, rows.get(0).get("aqi"));
    }

    /**
     * A recomputed result leaves nothing stale: its Replace, among the lines, deletes the fields it no
     * longer has and the points of its report that no longer apply, even when the old ones are still in
     * the same buffer; the points of other places, reports and times stay.
     */
    @Test
    void aReplaceClearsWhatTheRecomputedResultNoLongerHas() throws Exception {
        Map<String, String> place = new LinkedHashMap<>();
        place.put("province", "山西省");
        place.put("county", "小店区, \"东\"");
        long t = 1_700_006_400L;
        Map<String, String> reportOf = new LinkedHashMap<>();
        reportOf.put("province", "山西省");
        reportOf.put("period", "2026-11");
        List<String> before = List.of(
                Lines.line("county_hourly", place, fields("pm25", 35L, "aqi", 50L, "stations", 2L), t).orElseThrow(),
                Lines.line("county_hourly", place, fields("pm25", 40L, "aqi", 57L, "stations", 2L), t + 3600).orElseThrow(),
                Lines.line("gap", withTag(place, "period", "2026-11"), fields("reduction", 3.5), t).orElseThrow(),
                Lines.line("gap", withTag(Map.of("province", "山西省", "county", "晋源区"), "period", "2026-11"),
                        fields("reduction", 1.5), t).orElseThrow(),
                Lines.line("gap", withTag(Map.of("province", "山西省", "county", "晋源区"), "period", "2026-10"),
                        fields("reduction", 9.5), t).orElseThrow());
        try (InfluxSinkWriter sink = new InfluxSinkWriter(settings(100),
                UnregisteredMetricsGroup.createSinkWriterMetricGroup(), RejectedLines.logged().open())) {
            for (String line : before) {
                sink.write(line, null);
            }
            // Recomputed: the hour lost its PM2.5 (a corrected reading); the report has one gap left.
            sink.write(new Replace("county_hourly", place, t).line(), null);
            sink.write(Lines.line("county_hourly", place, fields("stations", 1L), t).orElseThrow(), null);
            sink.write(new Replace("gap", reportOf, t).line(), null);
            sink.write(Lines.line("gap", withTag(Map.of("province", "山西省", "county", "晋源区"), "period", "2026-11"),
                    fields("reduction", 2.5), t).orElseThrow(), null);
            sink.flush(false);
        }
        List<Series> hours = influxQl.query("SELECT * FROM county_hourly ORDER BY time");
        List<Map<String, Object>> rows = hours.get(0).rows();
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(null, rows.get(0).get("pm25"), "the field that became missing is gone: " + rows.get(0));
        assertEquals(null, rows.get(0).get("aqi"));
        assertEquals(1L, rows.get(0).get("stations"));
        assertEquals(40L, rows.get(1).get("pm25"), "the next hour is untouched");
        List<String> gaps = new ArrayList<>();
        for (Series s : influxQl.query("SELECT reduction FROM gap GROUP BY county, period")) {
            gaps.add(s.tags().get("county") + " " + s.tags().get("period") + " " + s.rows().get(0).get("reduction"));
        }
        gaps.sort(null);
        assertEquals(List.of("晋源区 2026-10 9.5", "晋源区 2026-11 2.5"), gaps,
                "the gap that no longer applies is gone; another period's stays");
    }

    private static Map<String, String> withTag(Map<String, String> tags, String key, String value) {
        Map<String, String> out = new LinkedHashMap<>(tags);
        out.put(key, value);
        return out;
    }

    @Test
    void sinkWriterWritesFullBatchesAtOnceAndTheRestOnFlush() throws Exception {
        InfluxSettings settings = settings(2);
        try (InfluxSinkWriter sink = new InfluxSinkWriter(settings,
                UnregisteredMetricsGroup.createSinkWriterMetricGroup(), RejectedLines.logged().open())) {
            for (int i = 0; i < 3; i++) {
                sink.write(Lines.line("batched", Map.of("n", "p" + i), fields("v", (long) i), 1_700_000_000L + i)
                        .orElseThrow(), null);
            }
            assertEquals(2, select("batched").size(), "a full batch is written before any flush");

            sink.flush(false);
            assertEquals(3, select("batched").size(), "flush writes what is left");
        }
    }

    /**
     * A result waits in the buffer at most the flush interval (1 s here) after the first line of a batch
     * came, on the task's processing-time clock, even when the batch never fills: at night a county's new
     * hour reaches Grafana a second after it closes, not a checkpoint later.
     */
    @Test
    void sinkWriterWritesWhatWaitedTheFlushInterval() throws Exception {
        TestProcessingTimeService clock = new TestProcessingTimeService();
        clock.setCurrentTime(1_000_000L);
        InfluxSettings settings = InfluxSettings.v1(influxd.url(), DB).batchSize(100).flushInterval(Duration.ofSeconds(1))
                .build();
        try (InfluxSinkWriter sink = new InfluxSinkWriter(settings,
                UnregisteredMetricsGroup.createSinkWriterMetricGroup(), RejectedLines.logged().open(), clock)) {
            sink.write(Lines.line("timed", Map.of("n", "a"), fields("v", 1L), 1_700_000_000L).orElseThrow(), null);
            clock.setCurrentTime(1_000_600L);
            sink.write(Lines.line("timed", Map.of("n", "b"), fields("v", 2L), 1_700_000_000L).orElseThrow(), null);
            clock.setCurrentTime(1_000_999L);
            assertEquals(0, select("timed").size(), "within the interval of the first line, the batch waits");
            clock.setCurrentTime(1_001_000L);
            assertEquals(2, select("timed").size(), "the interval of the first line is up: both are written");

            sink.write(Lines.line("timed", Map.of("n", "c"), fields("v", 3L), 1_700_000_000L).orElseThrow(), null);
            clock.setCurrentTime(1_001_999L);
            assertEquals(2, select("timed").size());
            clock.setCurrentTime(1_002_000L);
            assertEquals(3, select("timed").size(), "the next line starts its own interval");
        }
    }

    /**
     * A field-type conflict in the middle of a batch (aqi written as an integer, then as a string): influxd
     * refuses that point; the batch is split until it stands alone, every other point is written, and the
     * refused line is handed over with the server's message before the flush returns.
     */
    @Test
    void aPointTheServerRefusesIsSetAsideAndTheRestWritten() throws Exception {
        List<InfluxWriter.Rejected> handedOver = new ArrayList<>();
        RejectedLines.Writer collect = new RejectedLines.Writer() {
            @Override
            public void send(InfluxWriter.Rejected rejected) {
                handedOver.add(rejected);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        String conflict = "conflict,station=S7 aqi=\"high\" 1700000007";
        try (InfluxSinkWriter sink = new InfluxSinkWriter(settings(100),
                UnregisteredMetricsGroup.createSinkWriterMetricGroup(), collect)) {
            for (int i = 0; i < 15; i++) {
                sink.write(i == 7 ? conflict : "conflict,station=S" + i + " aqi=" + (50 + i) + "i " + (1_700_000_000L + i),
                        null);
            }
            sink.write("conflict,station=S7 aqi=57i 1700000000", null); // fixes aqi's type as integer first
            sink.flush(false);
        }
        assertEquals(1, handedOver.size(), handedOver.toString());
        assertEquals(conflict, handedOver.get(0).line());
        assertTrue(handedOver.get(0).message().contains("field type conflict"), handedOver.get(0).message());
        assertEquals(15, influxQl.query("SELECT count(\"aqi\") FROM \"conflict\"").get(0).rows().get(0).get("count")
                instanceof Number n ? n.intValue() : -1, "the 14 others and the fix");
    }

    @Test
    void aDeadServerFailsAfterTheRetriesWithAnIOException() throws IOException {
        InfluxSettings dead = InfluxSettings.v1("http://127.0.0.1:" + unusedPort(), DB)
                .maxRetries(3).retryBackoff(Duration.ofMillis(5)).build();
        AtomicInteger retries = new AtomicInteger();

        try (InfluxWriter writer = new InfluxWriter(dead, retries::incrementAndGet)) {
            IOException e = assertThrows(IOException.class, () -> writer.write(List.of("m f=1 1")));
            assertTrue(e.getMessage().contains("failed after 4 attempts"), e.getMessage());
        }
        assertEquals(3, retries.get());
    }

    @Test
    void aSinkWriterFlushToADeadServerThrowsSoTheCheckpointFails() throws Exception {
        InfluxSettings dead = InfluxSettings.v1("http://127.0.0.1:" + unusedPort(), DB)
                .maxRetries(1).retryBackoff(Duration.ofMillis(5)).build();
        try (InfluxSinkWriter sink = new InfluxSinkWriter(dead,
                UnregisteredMetricsGroup.createSinkWriterMetricGroup(), RejectedLines.logged().open())) {
            sink.write("m f=1 1", null);
            assertThrows(IOException.class, () -> sink.flush(false));
        }
    }

    @Test
    void anUnknownDatabaseIsRejectedWithoutRetrying() throws IOException {
        InfluxSettings missing = InfluxSettings.v1(influxd.url(), "no_such_db").maxRetries(3).build();
        AtomicInteger retries = new AtomicInteger();

        try (InfluxWriter writer = new InfluxWriter(missing, retries::incrementAndGet)) {
            IOException e = assertThrows(IOException.class, () -> writer.write(List.of("m f=1 1")));
            assertTrue(e.getMessage().contains("database not found"), e.getMessage());
        }
        assertEquals(0, retries.get());
    }

    @Test
    void influxQlReportsTheServersError() {
        IOException e = assertThrows(IOException.class, () -> influxQl.query("SELECT FROM nowhere"));
        assertTrue(e.getMessage().contains("error parsing query"), e.getMessage());
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
