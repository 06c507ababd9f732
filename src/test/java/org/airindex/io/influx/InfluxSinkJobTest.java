package org.airindex.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.airindex.local.LocalInfluxd;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** InfluxSink inside a real local Flink job, so the writer is created and flushed by Flink itself. */
class InfluxSinkJobTest {

    @TempDir
    static Path workDir;
    private static LocalInfluxd influxd;

    @BeforeAll
    static void startInfluxd() throws IOException {
        influxd = LocalInfluxd.start(workDir);
        influxd.createDatabase("air");
    }

    @AfterAll
    static void stopInfluxd() {
        if (influxd != null) {
            influxd.close();
        }
    }

    private static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.enableCheckpointing(200);
        return env;
    }

    @Test
    void aJobWritesEveryLineIncludingTheLastPartialBatch() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int hour = 0; hour < 25; hour++) {
            lines.add(Lines.line("aqi", Map.of("county", "海淀区"), Map.of("aqi", 40.5 + hour),
                    1_700_000_000L + 3600L * hour).orElseThrow());
        }
        InfluxSettings settings = InfluxSettings.v1(influxd.url(), "air").batchSize(10).build();

        StreamExecutionEnvironment env = environment();
        env.fromData(lines).sinkTo(new InfluxSink(settings, RejectedLines.logged()));
        env.execute("influx-sink-test");

        List<Series> count = new InfluxQl(influxd.url(), "air", InfluxAuth.none()).query("SELECT count(aqi) FROM aqi");
        assertEquals(25L, count.get(0).rows().get(0).get("count"));
    }

    @Test
    void aJobWhoseWritesFailFailsInsteadOfDroppingLines() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        InfluxSettings dead = InfluxSettings.v1("http://127.0.0.1:" + deadPort, "air")
                .maxRetries(1).retryBackoff(Duration.ofMillis(5)).build();

        StreamExecutionEnvironment env = environment();
        env.fromData("m f=1 1", "m f=2 2").sinkTo(new InfluxSink(dead, RejectedLines.logged()));

        Exception failure = assertThrows(Exception.class, () -> env.execute("influx-sink-dead-server"));
        IOException cause = ExceptionUtils.findThrowable(failure, IOException.class).orElseThrow();
        assertTrue(cause.getMessage().contains("failed after 2 attempts"), cause.getMessage());
    }
}
