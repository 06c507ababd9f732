package org.airindex.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void projectConfigurationLoads() {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"), name -> null);
        assertEquals("Asia/Shanghai", c.timezone);
        assertEquals("air.readings", c.kafka.readingsTopic);
        assertEquals(Duration.ofMinutes(10), c.eventTime.maxOutOfOrderness);
        assertEquals("v1", c.influx.api);
    }

    @Test
    void environmentOverridesTheFile() {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"),
                Map.of("AIRINDEX_KAFKA_BOOTSTRAP", "k:1", "AIRINDEX_INFLUX_URL", "http://i:2")::get);
        assertEquals("k:1", c.kafka.bootstrap);
        assertEquals("http://i:2", c.influx.url);
    }

    @Test
    void badValuesAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.yaml");
        Files.writeString(f, "influx:\n  api: v3\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, n -> null));
        assertTrue(e.getMessage().contains("influx.api"), e.getMessage());
        Files.writeString(f, "kafka:\n  bootstrapp: x\n");
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, n -> null));
        assertTrue(e.getMessage().contains("bootstrapp"), e.getMessage());
    }
}
