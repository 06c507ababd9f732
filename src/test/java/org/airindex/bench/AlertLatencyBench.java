package org.airindex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;
import org.airindex.jobs.ProductionIo;
import org.airindex.testing.RealServers;

/**
 * Result latency on real servers: wall time from sending the readings that let an hour close (the next
 * hour's readings move the watermark past it) to the alert event being readable (read committed) on the
 * alerts topic, and to the hour's station-hour points being in InfluxDB (all stations, polled every 100 ms). The streaming job runs unbounded at parallelism 2 on the
 * sample registry; every station reports each hour, one county's PM2.5 swings between clean and
 * heavily polluted so its "county hourly AQI > 200 for 3 hours" alert opens and closes repeatedly.
 * Run per checkpoint interval, since the alert sink commits its Kafka transaction on checkpoints.
 * Usage (jobs/bench-alert-latency.sh): AlertLatencyBench HOURS PACE_MS CHECKPOINT_SECONDS...
 */
public final class AlertLatencyBench {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        int hours = Integer.parseInt(args[0]);
        long paceMs = Long.parseLong(args[1]);
        for (int i = 2; i < args.length; i++) {
            run(hours, paceMs, Duration.ofSeconds(Long.parseLong(args[i])));
        }
        System.exit(0);
    }

    private static void run(int hours, long paceMs, Duration checkpoint) throws Exception {
        Path work = Files.createTempDirectory("alert-latency");
        AirIndexConfig config = ConfigLoader.load(Path.of("conf/airindex.yaml"));
        config.checkpointing.interval = checkpoint;
        config.checkpointing.minPause = Duration.ofMillis(100);
        StationRegistry registry = StationRegistry.load(Path.of(config.stations));
        Station polluted = registry.stations().iterator().next();
        try (RealServers servers = RealServers.start(work, config)) {
            StreamExecutionEnvironment env = RealServers.environment(config);
            ProductionIo.job(config, registry, false).build(env);
            JobClient job = env.executeAsync("alert latency");

            Map<Long, Long> sentAt = new ConcurrentHashMap<>();
            List<long[]> arrivals = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = new Thread(() -> readAlerts(servers, config, arrivals, stop));
            reader.start();
            ZonedDateTime start = LocalDate.of(2026, 11, 10).atStartOfDay(ZONE);
            Map<Long, Long> pointsVisible = new ConcurrentHashMap<>();
            Thread poller = new Thread(() -> pollPoints(servers, start.toInstant().toEpochMilli(),
                    registry.stations().size(), pointsVisible, stop));
            poller.start();
            for (int h = 1; h <= hours; h++) {
                ZonedDateTime end = start.plusHours(h);
                boolean high = (h - 1) % 8 < 4; // 4 polluted hours, then 4 clean ones
                List<String[]> batch = new ArrayList<>();
                for (Station s : registry.stations()) {
                    double pm25 = s.county().equals(polluted.county()) && s.city().equals(polluted.city()) && high
                            ? 300 : 30;
                    batch.add(new String[] {s.code(), "{\"station\":\"" + s.code() + "\",\"ts\":\"" + end.toOffsetDateTime()
                            + "\",\"pm25\":" + pm25 + ",\"pm10\":" + (pm25 * 1.5) + "}"});
                }
                servers.produce(batch);
                sentAt.put(end.toInstant().toEpochMilli(), System.currentTimeMillis());
                Thread.sleep(paceMs);
            }
            Thread.sleep(checkpoint.toMillis() + 5000);
            stop.set(true);
            reader.join();
            poller.join();
            job.cancel().get();

            List<Long> latencies = new ArrayList<>();
            for (long[] a : arrivals) {
                // The event at hour t could only be emitted once the next hour's readings arrived.
                Long sent = sentAt.get(a[0] + 3_600_000L);
                if (sent != null) {
                    latencies.add(a[1] - sent);
                }
            }
            List<Long> points = new ArrayList<>();
            pointsVisible.forEach((hourEnd, visible) -> {
                Long sent = sentAt.get(hourEnd + 3_600_000L);
                if (sent != null) {
                    points.add(visible - sent);
                }
            });
            latencies.sort(Long::compare);
            points.sort(Long::compare);
            System.out.printf("checkpoint interval %ds: %s%n", checkpoint.toSeconds(),
                    summary(latencies, "alert events on Kafka"));
            System.out.printf("checkpoint interval %ds: %s%n", checkpoint.toSeconds(),
                    summary(points, "hours with every station-hour point in InfluxDB"));
            BenchCsv csv = new BenchCsv(String.format("latency, %d stations x %d h paced %d ms, checkpoints %d s",
                    registry.stations().size(), hours, paceMs, checkpoint.toSeconds()));
            percentiles(csv, "alert on Kafka", latencies);
            percentiles(csv, "station-hour points in InfluxDB", points);
            csv.append();
        }
    }

    /** @param ms sorted */
    private static void percentiles(BenchCsv csv, String what, List<Long> ms) {
        if (!ms.isEmpty()) {
            csv.add(what + " latency p50", percentile(ms, 0.5), "ms").add(what + " latency p99", percentile(ms, 0.99), "ms");
        }
    }

    /** The nearest-rank percentile of sorted latencies. */
    private static long percentile(List<Long> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * q) - 1));
    }

    /** Sorted latencies in ms from sending the readings that close an hour: count, min, p50, p99, max. */
    private static String summary(List<Long> ms, String what) {
        if (ms.isEmpty()) {
            return "no " + what;
        }
        return String.format("%d %s, latency ms min %d, p50 %d, p99 %d, max %d", ms.size(), what, ms.get(0),
                percentile(ms, 0.5), percentile(ms, 0.99), ms.get(ms.size() - 1));
    }

    /**
     * Records (hour end, wall time) when an hour first has a station_hourly point for every station, polling
     * InfluxDB every 100 ms: the point of an hour is stamped with its end.
     */
    private static void pollPoints(RealServers servers, long fromMillis, int stations, Map<Long, Long> visible,
            AtomicBoolean stop) {
        InfluxQl q = servers.influx();
        while (!stop.get()) {
            try {
                for (Series s : q.query("SELECT count(pm25) FROM station_hourly WHERE time >= " + fromMillis
                        + "ms GROUP BY time(1h)")) {
                    long now = System.currentTimeMillis();
                    for (List<Object> row : s.values()) {
                        if (row.get(1) != null && ((Number) row.get(1)).intValue() >= stations) {
                            visible.putIfAbsent(((Number) row.get(0)).longValue() * 1000, now);
                        }
                    }
                }
                Thread.sleep(100);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Records (event time of the alert change, wall time it became readable) for the county threshold alert. */
    private static void readAlerts(RealServers servers, AirIndexConfig config, List<long[]> arrivals,
            AtomicBoolean stop) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-bench");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ObjectMapper json = new ObjectMapper();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(config.kafka.alertsTopic));
            while (!stop.get()) {
                for (var r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    JsonNode n = json.readTree(r.value());
                    if (n.get("type").asText().startsWith("hourly.")) {
                        arrivals.add(new long[] {n.get("at").asLong(), now});
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
