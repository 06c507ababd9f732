package org.airindex.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.airindex.domain.NamedPeriod;

class ConfigLoaderTest {

    @Test
    void projectConfigurationLoads() {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"), name -> null);
        assertEquals("Asia/Shanghai", c.timezone);
        assertEquals("air.readings", c.kafka.readingsTopic);
        assertEquals(Duration.ofMinutes(10), c.eventTime.maxOutOfOrderness);
        assertEquals("v1", c.influx.api);
        assertEquals(List.of(NamedPeriod.of("autumn-winter", "10-01", "03-31"), NamedPeriod.of("ozone-summer", "05-01",
                "09-30")), c.namedPeriods());
    }

    @Test
    void environmentOverridesTheFile() {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"),
                Map.of("AIRINDEX_KAFKA_BOOTSTRAP", "k:1", "AIRINDEX_INFLUX_URL", "http://i:2")::get);
        assertEquals("k:1", c.kafka.bootstrap);
        assertEquals("http://i:2", c.influx.url);
    }

    /**
     * On a cluster the job graph is built where the working directory is Flink's: base_dir makes every
     * relative file and checkpoint folder absolute, and leaves URIs, empty values and "none" alone.
     */
    @Test
    void relativePathsResolveAgainstTheBaseDirectory() {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"), Map.of(
                "AIRINDEX_BASE_DIR", "/opt/airindex",
                "AIRINDEX_SAVEPOINT_DIR", "s3://bucket/savepoints",
                "AIRINDEX_STATE_BACKEND", "rocksdb")::get);
        assertEquals("/opt/airindex/conf/stations.csv", c.stations);
        assertEquals("/opt/airindex/conf/schemes/default.yaml", c.province.scheme);
        assertEquals("/opt/airindex/work/checkpoints", c.checkpointing.dir);
        assertEquals("s3://bucket/savepoints", c.checkpointing.savepointDir);
        assertEquals("rocksdb", c.checkpointing.stateBackend);
        assertEquals("", c.kafka.propertiesFile);
        assertEquals("conf/stations.csv", ConfigLoader.load(Path.of("conf/airindex.yaml"), n -> null).stations);
    }

    /** A user without a password variable is refused at start rather than writing unauthenticated. */
    @Test
    void aUserNeedsAPasswordVariable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.yaml");
        Files.writeString(f, "influx:\n  username_env: INFLUX_USERNAME\n  password_env: \"\"\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, n -> null));
        assertTrue(e.getMessage().contains("influx.password_env"), e.getMessage());
        assertEquals("", ConfigLoader.load(Path.of("conf/airindex.yaml"), n -> null).influx.usernameEnv,
                "the shipped configuration writes to a server without authentication");
    }

    @Test
    void unknownKeysAndPartHourZonesAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.yaml");
        Files.writeString(f, "kafka:\n  bootstrapp: x\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, n -> null));
        assertTrue(e.getMessage().contains("bootstrapp"), e.getMessage());
        Files.writeString(f, "timezone: Asia/Kolkata\n");
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, n -> null));
        assertTrue(e.getMessage().contains("timezone: Asia/Kolkata has the offset +05:30"), e.getMessage());
    }

    /** Every duration, topic, size and name is checked at start; the error names the key. */
    @Test
    void everyBadValueIsRefusedWithItsKey(@TempDir Path dir) throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("checkpointing:\n  interval: PT0S\n", "checkpointing.interval");
        cases.put("checkpointing:\n  interval: PT0.001S\n", "checkpointing.interval");
        cases.put("checkpointing:\n  timeout:\n", "checkpointing.timeout");
        cases.put("checkpointing:\n  min_pause: -PT1S\n", "checkpointing.min_pause");
        cases.put("checkpointing:\n  state_backend: rocks\n", "checkpointing.state_backend");
        cases.put("checkpointing:\n  rest_port: 70000\n", "checkpointing.rest_port");
        cases.put("event_time:\n  idleness: PT0S\n", "event_time.idleness");
        cases.put("event_time:\n  allowed_lateness:\n", "event_time.allowed_lateness");
        cases.put("event_time:\n  max_out_of_orderness: -PT1M\n", "event_time.max_out_of_orderness");
        cases.put("event_time:\n  earliest:\n", "event_time.earliest");
        cases.put("influx:\n  retry_backoff: -PT1S\n", "influx.retry_backoff");
        cases.put("influx:\n  batch_size: 0\n", "influx.batch_size");
        cases.put("influx:\n  max_retries: -1\n", "influx.max_retries");
        cases.put("influx:\n  url: localhost:8086\n", "influx.url");
        cases.put("influx:\n  url: \"http://\"\n", "influx.url");
        cases.put("influx:\n  database: \"\"\n", "influx.database");
        cases.put("influx:\n  api: v2\n  bucket: \" \"\n", "influx.bucket");
        cases.put("kafka:\n  readings_topic: \"air readings\"\n", "kafka.readings_topic");
        cases.put("kafka:\n  dead_letter_topic: \"..\"\n", "kafka.dead_letter_topic");
        cases.put("kafka:\n  alerts_topic: " + "a".repeat(250) + "\n", "kafka.alerts_topic");
        cases.put("kafka:\n  alerts_topic: 报警\n", "kafka.alerts_topic");
        cases.put("kafka:\n  bootstrap: \"\"\n", "kafka.bootstrap");
        cases.put("kafka:\n  group:\n", "kafka.group");
        cases.put("kafka:\n  alerts_transactional_id_prefix: \"\"\n", "kafka.alerts_transactional_id_prefix");
        cases.put("kafka:\n  starting_offsets: newest\n", "kafka.starting_offsets");
        cases.put("kafka:\n  dead_letter_max_record_bytes: 10\n", "kafka.dead_letter_max_record_bytes");
        cases.put("influx:\n  api: v3\n", "influx.api");
        cases.put("event_time:\n  max_ahead: -PT1H\n", "event_time.max_ahead");
        cases.put("kafka:\n  alerts_transaction_timeout: PT5M\n", "kafka.alerts_transaction_timeout");
        cases.put("kafka:\n  alerts_transaction_timeout:\n", "kafka.alerts_transaction_timeout");
        cases.put("places:\n  min_valid_stations: 0\n", "places.min_valid_stations");
        cases.put("province:\n  assessed: town\n", "province.assessed");
        cases.put("timezone: Mars/Olympus\n", "timezone");
        cases.put("timezone:\n", "timezone");
        cases.put("periods:\n", "periods");
        cases.put("periods:\n  -\n", "periods[0]");
        cases.put("periods:\n  - name: spring\n    from: 03-01\n    to: 04-31\n", "periods[0]");
        cases.put("periods:\n  - name: spring\n    from: 03-01\n", "periods[0]");
        cases.put("periods:\n  - name: month\n    from: 03-01\n    to: 03-31\n", "periods[0]");
        cases.put("periods:\n  - name: a\n    from: 03-01\n    to: 03-31\n  - name: a\n    from: 05-01\n    to: 09-30\n",
                "periods[1]");
        Path f = dir.resolve("bad.yaml");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.writeString(f, c.getKey());
            var e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, n -> null), c.getKey());
            assertTrue(e.getMessage().startsWith(c.getValue()), c.getKey() + " gave: " + e.getMessage());
        }
    }

    /** A named file that is not there stops the start with its key and path; an empty key means the jar's copy. */
    @Test
    void namedFilesMustExist(@TempDir Path dir) {
        AirIndexConfig c = new AirIndexConfig();
        ConfigLoader.requireFiles(c);
        c.province.scheme = dir.resolve("missing-scheme.yaml").toString();
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.requireFiles(c));
        assertTrue(e.getMessage().startsWith("province.scheme: no readable file or folder at "), e.getMessage());
        assertTrue(e.getMessage().contains("missing-scheme.yaml"), e.getMessage());
        c.province.scheme = "";
        c.province.baselines = "none";
        c.alerts = " ";
        ConfigLoader.requireFiles(c);
        c.standards = dir.resolve("no-standards").toString();
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.requireFiles(c));
        assertTrue(e.getMessage().startsWith("standards: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.forCommand(dir.resolve("absent.yaml").toString()));
        assertTrue(e.getMessage().startsWith("--config: no readable file at "), e.getMessage());
    }

    /** Shanghai's offsets since 2000 are whole hours (its +08:05:43 local mean time of 1900 is before). */
    @Test
    void wholeHourZonesLoad(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.yaml");
        for (String zone : List.of("Asia/Shanghai", "UTC", "Europe/Berlin", "Asia/Urumqi")) {
            Files.writeString(f, "timezone: " + zone + "\n");
            assertEquals(zone, ConfigLoader.load(f, n -> null).timezone);
        }
    }
}
