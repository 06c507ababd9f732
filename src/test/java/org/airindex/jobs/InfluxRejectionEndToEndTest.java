package org.airindex.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.config.AirIndexConfig;
import org.airindex.io.influx.InfluxWriter;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.pipeline.Fixtures;
import org.airindex.records.DeadLetter;
import org.airindex.testing.RealServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement whose field InfluxDB already holds with another type refuses every point the job writes
 * to it: the job (parallelism 2, real Kafka and InfluxDB) still finishes, the refused lines are dead
 * letters (influx_rejected) with the server's message, and every other measurement is written.
 */
class InfluxRejectionEndToEndTest {
    @TempDir
    static Path work;

    @Test
    void refusedPointsAreDeadLettersAndTheJobGoesOn() throws Exception {
        try (RealServers servers = RealServers.start(work, new AirIndexConfig())) {
            // county_hourly's pm25 as a string in the week of the readings: influxd refuses the job's numbers.
            try (InfluxWriter seed = new InfluxWriter(ProductionIo.influx(servers.config.influx))) {
                assertTrue(seed.write(List.of("county_hourly,province=X pm25=\"high\" 1794283200")).isEmpty());
            }
            servers.produce(List.of(
                    new String[] {"A1", "{\"station\":\"A1\",\"ts\":\"2026-11-10T10:00:00+08:00\",\"pm25\":35,\"pm10\":60}"},
                    new String[] {"A2", "{\"station\":\"A2\",\"ts\":\"2026-11-10T10:00:00+08:00\",\"pm25\":45}"}));
            StreamExecutionEnvironment env = RealServers.environment(servers.config);
            ProductionIo.job(servers.config, Fixtures.REGISTRY, true).build(env);
            env.execute("influx rejections");

            List<DeadLetter> rejected = servers.readAll(servers.config.kafka.deadLetterTopic, false).stream()
                    .map(r -> DeadLetterJson.read(r.value())).filter(d -> d.reason.equals("influx_rejected")).toList();
            assertFalse(rejected.isEmpty(), servers.readAll(servers.config.kafka.deadLetterTopic, false).toString()
                    + servers.influx().query("SELECT * FROM county_hourly"));
            for (DeadLetter d : rejected) {
                assertTrue(d.record.startsWith("county_hourly,"), d.record);
                assertTrue(d.detail.contains("field type conflict"), d.detail);
                assertEquals("influx", d.origin);
            }
            assertEquals(2, servers.influx().query("SELECT count(\"pm25\") FROM \"station_hourly\"").get(0).rows().get(0)
                    .get("count") instanceof Number n ? n.intValue() : -1, "the stations' hours are written");
        }
    }
}
