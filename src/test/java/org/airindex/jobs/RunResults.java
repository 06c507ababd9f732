package org.airindex.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.records.DeadLetter;
import org.airindex.testing.RealServers;

/**
 * One run's own topics, consumer group, database and folders on the shared servers, and what the run left
 * there, read back the same way for every run that is compared with another, wherever the job ran.
 */
final class RunResults {
    final AirIndexConfig config;
    private final RealServers servers;
    private final int partitions;
    /** What the last check of the consumer group saw, for the message when waiting gives up. */
    private String progress = "";

    private RunResults(AirIndexConfig config, RealServers servers, int partitions) {
        this.config = config;
        this.servers = servers;
        this.partitions = partitions;
    }

    /**
     * The project configuration pointed at the run's topics (readings and alerts on {@code partitions}),
     * consumer group, database and folders under {@code work/name}, with checkpoints every second.
     */
    static RunResults prepare(String name, RealServers servers, Path work, String stateBackend, int partitions)
            throws Exception {
        AirIndexConfig config = ConfigLoader.load(Path.of("conf/airindex.yaml"));
        config.kafka.bootstrap = servers.config.kafka.bootstrap;
        config.kafka.startingOffsets = "earliest";
        config.kafka.readingsTopic = name + ".readings";
        config.kafka.deadLetterTopic = name + ".readings.dlq";
        config.kafka.alertsTopic = name + ".alerts";
        config.kafka.group = "airindex-" + name;
        config.kafka.alertsTransactionalIdPrefix = "airindex-" + name + "-alerts";
        config.influx.api = "v1";
        config.influx.url = servers.config.influx.url;
        config.influx.database = name;
        config.checkpointing.interval = Duration.ofSeconds(1);
        config.checkpointing.minPause = Duration.ofMillis(500);
        config.checkpointing.timeout = Duration.ofMinutes(1);
        config.checkpointing.stateBackend = stateBackend;
        config.checkpointing.dir = work.resolve(name).resolve("checkpoints").toString();
        config.checkpointing.savepointDir = work.resolve(name).resolve("savepoints").toString();
        servers.kafka.createTopics(partitions, config.kafka.readingsTopic, config.kafka.alertsTopic);
        servers.kafka.createTopics(1, config.kafka.deadLetterTopic);
        servers.influxd.createDatabase(config.influx.database);
        return new RunResults(config, servers, partitions);
    }

    void produce(List<FailureFeed.Line> lines) throws Exception {
        servers.produce(config.kafka.readingsTopic, lines.stream().map(FailureFeed.Line::record).toList());
    }

    /**
     * Whether the job has read the last record of every readings partition: {@code readThrough} (partition →
     * offset of the last record the source emitted, from its {@code currentOffset} gauges) or the group's
     * committed offsets, which say so too but move only when the source's fetcher's 10 s poll returns.
     */
    boolean allRead(Map<Integer, Long> readThrough, long checkpoints) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            List<TopicPartition> parts = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(config.kafka.readingsTopic, p)).toList();
            var ends = admin.listOffsets(parts.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get();
            Map<Integer, Long> read = new TreeMap<>(readThrough);
            // A job restored at the end of a partition reads nothing more, and its gauge stays at -1.
            admin.listConsumerGroupOffsets(config.kafka.group).partitionsToOffsetAndMetadata().get()
                    .forEach((p, committed) -> read.merge(p.partition(), committed.offset() - 1, Math::max));
            progress = "read through " + read + ", ends " + ends + ", checkpoints " + checkpoints;
            for (TopicPartition p : parts) {
                if (read.getOrDefault(p.partition(), -1L) < ends.get(p).offset() - 1) {
                    return false;
                }
            }
            return true;
        } catch (Exception brokerAway) {
            progress = brokerAway.toString();
            return false;
        }
    }

    String progress() {
        return progress;
    }

    /** Every point of every measurement, with its tags and fields, in a stable order. */
    List<String> points() throws Exception {
        InfluxQl q = InfluxQl.of(ProductionIo.influx(config.influx));
        List<String> points = new ArrayList<>();
        for (Series list : q.query("SHOW MEASUREMENTS")) {
            for (List<Object> measurement : list.values()) {
                String m = InfluxQl.identifier((String) measurement.get(0));
                for (Series s : q.query("SELECT * FROM " + m + " GROUP BY *")) {
                    for (Map<String, Object> row : s.rows()) {
                        points.add(s.name() + new TreeMap<>(s.tags()) + new TreeMap<>(row));
                    }
                }
            }
        }
        return points;
    }

    /** The alert events as a consumer with read_committed sees them, key and value, in a stable order. */
    List<String> alerts() {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : servers.readAll(config.kafka.alertsTopic, true)) {
            out.add(r.key() + " " + r.value());
        }
        out.sort(null);
        return out;
    }

    /**
     * The dead letters as "reason record", which does not depend on how the readings topic is partitioned;
     * an at-least-once re-send after a restore shows once here.
     */
    Set<String> deadLetters() {
        Set<String> out = new TreeSet<>();
        for (DeadLetter d : deadLetterRecords()) {
            out.add(d.reason + " " + d.record);
        }
        return out;
    }

    List<DeadLetter> deadLetterRecords() {
        List<DeadLetter> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : servers.readAll(config.kafka.deadLetterTopic, false)) {
            out.add(DeadLetterJson.read(r.value()));
        }
        return out;
    }
}
