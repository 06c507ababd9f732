package org.airindex.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.config.StationRegistry;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.InfluxWriter;
import org.airindex.io.influx.Replace;
import org.airindex.io.influx.Series;
import org.airindex.local.SyntheticReadings;
import org.airindex.testing.LocalQuestDb;
import org.airindex.testing.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's InfluxDB 2.x/3.x path ({@code influx.api: v2}: {@code /api/v2/write} with a token) against a
 * real server that speaks it, QuestDB, compared with the 1.x path against influxd: the same readings
 * (two days of the sample registry, with an episode, a silent and a flat-lining station and minute data)
 * read by both; every measurement must come back from QuestDB with the same tags, fields and times.
 * Its tables are made first with {@code DEDUP UPSERT KEYS} (time and tags), as a QuestDB user must for a
 * replay to rewrite points rather than add rows; a second run over the same readings then changes nothing.
 */
class QuestDbEndToEndTest {
    @TempDir
    static Path work;
    static RealServers servers;
    static LocalQuestDb questdb;
    static CompletableFuture<LocalQuestDb> starting;
    static StationRegistry registry;
    static Map<String, Map<String, String>> influxPoints;

    @BeforeAll
    static void start() throws Exception {
        registry = StationRegistry.load(Path.of("conf/stations.csv"));
        // QuestDB starts in its own JVM while Kafka and influxd start in theirs.
        starting = CompletableFuture.supplyAsync(() -> {
            try {
                return LocalQuestDb.start(work);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        servers = RealServers.start(work, new AirIndexConfig());
        questdb = starting.join();
        List<String[]> records = new ArrayList<>();
        for (SyntheticReadings.Record r : new SyntheticReadings(registry, servers.config.zone(),
                LocalDate.of(2026, 11, 1), 2, 7).generate()) {
            records.add(new String[] {r.key(), r.json()});
        }
        servers.produce(records);
        run(config("v1"));
        influxPoints = influxPoints();
        createDeduplicatedTables();
    }

    @AfterAll
    static void stop() {
        if (starting != null && !starting.isCompletedExceptionally()) {
            starting.join().close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void everyMeasurementComesBackFromTheV2ServerAndARerunRewritesIt() throws Exception {
        run(config("v2-first"));
        Map<String, Map<String, String>> first = questDbPoints();
        assertEquals(influxPoints.keySet(), first.keySet(), "measurements");
        for (String m : influxPoints.keySet()) {
            assertEquals(influxPoints.get(m), first.get(m), m);
        }
        assertTrue(first.get("station_hourly").size() > 1000, "station hours: " + first.get("station_hourly").size());
        assertTrue(first.containsKey("money") && first.containsKey("alert"), first.keySet().toString());

        run(config("v2-again"));
        assertEquals(first, questDbPoints(), "the same readings again rewrite the same rows");
    }

    /**
     * QuestDB has no delete API: a recomputed result overwrites its points (by the dedup keys) and the
     * writer says so, instead of failing every checkpoint on a delete that cannot succeed.
     */
    @Test
    void aServerWithoutADeleteApiIsOverwrittenNotFailed() throws Exception {
        try (InfluxWriter writer = new InfluxWriter(ProductionIo.influx(config("delete").influx))) {
            writer.checkAccess();
            assertFalse(writer.delete(new Replace("station_hourly", Map.of("station", "1001A"), 1_793_000_000L)));
        }
    }

    private static AirIndexConfig config(String name) throws Exception {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"), n -> null);
        c.processingClock = Clock.fixed(Instant.parse("2026-11-05T00:30:00Z"), ZoneOffset.UTC);
        c.kafka.bootstrap = servers.config.kafka.bootstrap;
        c.kafka.readingsTopic = servers.config.kafka.readingsTopic;
        c.kafka.deadLetterTopic = servers.config.kafka.deadLetterTopic;
        c.kafka.alertsTopic = servers.config.kafka.alertsTopic;
        c.kafka.startingOffsets = "earliest";
        c.kafka.group = "airindex-" + name;
        c.kafka.alertsTransactionalIdPrefix = "airindex-" + name;
        if (name.equals("v1")) {
            c.influx.url = servers.config.influx.url;
            c.influx.database = servers.config.influx.database;
        } else {
            c.influx.api = "v2";
            c.influx.url = questdb.url();
            c.influx.org = "airindex";
            c.influx.bucket = "airindex";
            Path token = work.resolve("questdb.token");
            Files.writeString(token, "airindex-test-token\n");
            c.influx.tokenFile = token.toString();
        }
        return c;
    }

    private static void run(AirIndexConfig config) throws Exception {
        StreamExecutionEnvironment env = RealServers.environment(config);
        ProductionIo.job(config, registry, true).build(env);
        env.execute("questdb " + config.kafka.group);
    }

    /** Each measurement's points as "tags @ time" → "fields", numbers written without trailing zeros. */
    private static Map<String, Map<String, String>> influxPoints() throws Exception {
        InfluxQl q = servers.influx();
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Series list : q.query("SHOW MEASUREMENTS")) {
            for (List<Object> measurement : list.values()) {
                String m = (String) measurement.get(0);
                Map<String, String> points = out.computeIfAbsent(m, k -> new TreeMap<>());
                for (Series s : q.query("SELECT * FROM " + InfluxQl.identifier(m) + " GROUP BY *")) {
                    for (Map<String, Object> row : s.rows()) {
                        Map<String, String> fields = new TreeMap<>();
                        row.forEach((k, v) -> {
                            if (!k.equals("time") && v != null) {
                                fields.put(k, text(v));
                            }
                        });
                        // GROUP BY * names every tag key of the measurement, "" where a point has none.
                        Map<String, String> tags = new TreeMap<>(s.tags());
                        tags.values().removeIf(String::isEmpty);
                        points.put(tags + " @ " + row.get("time"), fields.toString());
                    }
                }
            }
        }
        return out;
    }

    /** The same from QuestDB: SYMBOL columns are the tags, {@code timestamp} the time, the rest fields. */
    private static Map<String, Map<String, String>> questDbPoints() throws Exception {
        questdb.awaitApplied();
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (String table : questdb.tables()) {
            JsonNode result = questdb.sql("select * from " + identifier(table));
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            result.path("columns").forEach(c -> {
                names.add(c.path("name").asText());
                types.add(c.path("type").asText());
            });
            Map<String, String> points = out.computeIfAbsent(table, k -> new TreeMap<>());
            for (JsonNode row : result.path("dataset")) {
                Map<String, String> tags = new TreeMap<>();
                Map<String, String> fields = new TreeMap<>();
                long time = 0;
                for (int i = 0; i < names.size(); i++) {
                    JsonNode v = row.get(i);
                    if (names.get(i).equals("timestamp")) {
                        time = Instant.parse(v.asText()).getEpochSecond();
                    } else if (!v.isNull()) {
                        (types.get(i).equals("SYMBOL") ? tags : fields).put(names.get(i),
                                v.isNumber() ? text(v.decimalValue()) : v.asText());
                    }
                }
                assertEquals(null, points.put(tags + " @ " + time, fields.toString()), table + ": one row per tags and time");
            }
        }
        return out;
    }

    /**
     * Each measurement's table as a QuestDB user makes it before the first write: the columns and types of
     * the 1.x run's tags (SYMBOL) and fields, and deduplication on time and tags, so a rewrite replaces a row.
     */
    private static void createDeduplicatedTables() throws Exception {
        InfluxQl q = servers.influx();
        for (String m : influxPoints.keySet()) {
            List<String> columns = new ArrayList<>();
            List<String> keys = new ArrayList<>(List.of("timestamp"));
            for (Series s : q.query("SHOW TAG KEYS FROM " + InfluxQl.identifier(m))) {
                for (List<Object> v : s.values()) {
                    columns.add(identifier((String) v.get(0)) + " SYMBOL");
                    keys.add(identifier((String) v.get(0)));
                }
            }
            for (Series s : q.query("SHOW FIELD KEYS FROM " + InfluxQl.identifier(m))) {
                for (List<Object> v : s.values()) {
                    String type = switch ((String) v.get(1)) {
                        case "integer" -> "LONG";
                        case "float" -> "DOUBLE";
                        case "boolean" -> "BOOLEAN";
                        default -> "VARCHAR";
                    };
                    columns.add(identifier((String) v.get(0)) + " " + type);
                }
            }
            columns.add("timestamp TIMESTAMP");
            questdb.sql("CREATE TABLE " + identifier(m) + " (" + String.join(", ", columns)
                    + ") TIMESTAMP(timestamp) PARTITION BY DAY WAL DEDUP UPSERT KEYS(" + String.join(", ", keys) + ")");
        }
    }

    private static String identifier(String name) {
        return '"' + name + '"';
    }

    private static String text(Object v) {
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
