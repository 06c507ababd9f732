package org.airindex.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.airindex.config.StationRegistry;
import org.airindex.io.influx.InfluxAuth;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;
import org.airindex.testing.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results survive failure: the production job runs over {@link FailureFeed} once cleanly and once per
 * failure, each on its own Flink cluster, topics and database on one real Kafka broker and one real
 * influxd. Every failure run must end with the clean run's points (every measurement, tag and field),
 * its alert events (read_committed: none lost, none twice), its dead letters (no valid reading among
 * them), and a restart count that shows the failure happened. Each prints how long recovery took.
 *
 * <p>Tagged {@value #PACKAGED}: it submits target/airindex-cluster.jar, so jobs/test.sh runs it after
 * {@code mvn verify} has built the jars ({@code -Dgroups=packaged -Dairindex.test.excluded=none}).
 */
@Tag(FailureInjectionEndToEndTest.PACKAGED)
class FailureInjectionEndToEndTest {
    /** Tag of the tests that need the packaged jars: the build's own test phase leaves them out. */
    static final String PACKAGED = "packaged";

    @TempDir
    static Path work;
    static RealServers servers;
    static StationRegistry registry;
    static FailureFeed feed;
    static List<String> cleanPoints;
    static List<String> cleanAlerts;
    static Set<String> cleanDeadLetters;

    @BeforeAll
    static void cleanRun() throws Exception {
        registry = StationRegistry.load(Path.of("conf/stations.csv"));
        feed = new FailureFeed(registry);
        servers = RealServers.startOwn(work, new org.airindex.config.AirIndexConfig());
        try (FailureRun clean = new FailureRun("clean", servers, registry, work, "hashmap")) {
            clean.start(null);
            for (List<FailureFeed.Line> stage : feed.stages) {
                clean.produce(stage);
                clean.awaitConsumed();
            }
            assertTrue(clean.counter("influxReplaced") > 0, "the corrections replaced points");
            clean.finish();
            assertEquals(0, clean.restarts(), "the clean run ran without a restart");
            InfluxQl influx = InfluxQl.of(ProductionIo.influx(clean.config.influx));
            for (String c : feed.corrected) {
                String station = c.substring(0, c.indexOf('@'));
                long seconds = Long.parseLong(c.substring(c.indexOf('@') + 1)) / 1000;
                List<Series> hour = influx.query("SELECT o3, pm25 FROM station_hourly WHERE station = "
                        + InfluxQl.literal(station) + " AND time = " + seconds + "s");
                assertEquals(1, hour.size(), c);
                Map<String, Object> row = hour.get(0).rows().get(0);
                assertEquals((long) FailureFeed.CORRECTED_O3, row.get("o3"), c + ": the corrected value: " + row);
                assertTrue(row.get("pm25") != null, c + ": " + row);
            }
            cleanPoints = clean.results.points();
            cleanAlerts = clean.results.alerts();
            cleanDeadLetters = clean.results.deadLetters();
        }
        long stationHours = cleanPoints.stream().filter(p -> p.startsWith("station_hourly{")).count();
        assertEquals(feed.stationHours.size(), stationHours, "one station_hourly point per station hour fed");
        assertTrue(cleanAlerts.size() >= 5, "alerts of the clean run: " + cleanAlerts);
        assertEquals(4, feed.corrected.size(), "corrections in the feed");
        assertEquals(feed.tooLate.size(), cleanDeadLetters.size(), "dead letters: " + cleanDeadLetters);
        assertTrue(cleanDeadLetters.stream().allMatch(d -> d.startsWith("too_late ")), cleanDeadLetters.toString());
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    /** InfluxDB is down for 30 s mid-stream: writes fail, the job restarts until it is back. */
    @Test
    void influxdbDownForThirtySeconds() throws Exception {
        try (FailureRun run = midStream("influxdown")) {
            servers.influxd.stop();
            Thread.sleep(30_000);
            servers.influxd.startAgain();
            long back = System.nanoTime();
            awaitRecovered(run, back, "InfluxDB back after 30 s");
            finishAndCompare(run);
        }
    }

    /**
     * The Kafka broker (readings, dead letters, alert transactions, offsets) stops for 15 s mid-stream and
     * starts again. The job rides it out without a restart: its offset commits fail meanwhile, which is
     * how the outage shows, and it reads on when the broker is back.
     */
    @Test
    void theKafkaBrokerStoppedAndStarted() throws Exception {
        try (FailureRun run = midStream("brokerdown")) {
            run.awaitCheckpoints(1);
            servers.kafka.stop();
            Thread.sleep(15_000);
            servers.kafka.startAgain();
            long back = System.nanoTime();
            run.awaitConsumed();
            report("Kafka broker back after 15 s (" + run.restarts() + " restarts, " + run.counter("KafkaSourceReader.commitsFailed")
                    + " failed offset commits, " + run.failedCheckpoints() + " failed checkpoints)",
                    "every reading read and two checkpoints", back);
            assertTrue(run.counter("KafkaSourceReader.commitsFailed") > 0 || run.restarts() > 0, "the job saw the broker go");
            finishAndCompare(run);
        }
    }

    /**
     * The whole job cancelled three times (state in RocksDB): resumed from a retained checkpoint taken
     * before three too-late readings, which are read again right after the restore, before any watermark,
     * and must be too late again; cancelled mid-stream and resumed from the last retained checkpoint;
     * stopped with {@code airindex stop} (a savepoint) and resumed from that.
     */
    @Test
    void cancelledAndResumedFromCheckpointsAndASavepoint() throws Exception {
        try (FailureRun run = new FailureRun("resumed", servers, registry, work, "rocksdb")) {
            run.start(null);
            run.produce(feed.stages.get(0));
            run.awaitConsumed();
            String beforeTooLate = run.latestCheckpoint();
            run.produce(feed.stages.get(1));
            run.awaitConsumed();
            run.cancel();
            long t = System.nanoTime();
            run.start(beforeTooLate);
            run.assertRestoredFrom(beforeTooLate);
            run.awaitCheckpoints(1);
            report("resumed from a checkpoint before the too-late readings", "its first checkpoint", t);
            run.awaitConsumed();
            Map<String, Long> sent = run.results.deadLetterRecords().stream()
                    .collect(Collectors.groupingBy(d -> d.origin, Collectors.counting()));
            assertEquals(feed.tooLate.size(), sent.size(), sent.toString());
            assertTrue(sent.values().stream().allMatch(n -> n == 2),
                    "each too-late reading was read again after the restore and set aside again: " + sent);

            run.produce(feed.stages.get(2));
            run.awaitCheckpoints(2);
            run.cancel();
            t = System.nanoTime();
            String last = lastRetained(run);
            run.start(last);
            run.assertRestoredFrom(last);
            run.awaitCheckpoints(1);
            report("resumed from the last retained checkpoint", "its first checkpoint", t);
            run.awaitConsumed();

            run.produce(feed.stages.get(3));
            run.awaitCheckpoints(2);
            String savepoint = ObservedRun.airindexStop(run.restAddress(), "--savepoint-dir",
                    run.config.checkpointing.savepointDir);
            t = System.nanoTime();
            run.start(savepoint);
            run.assertRestoredFrom(savepoint);
            run.awaitCheckpoints(1);
            report("resumed from the savepoint of airindex stop", "its first checkpoint", t);
            run.awaitConsumed();
            produceFrom(run, 4);
            assertSameResults(run);
            assertEquals(0, run.restarts(), "each resume restored its state; no failover was needed");
        }
    }

    /**
     * Operations' path: the standalone cluster of {@code jobs/cluster.sh} (a JobManager and two TaskManagers
     * of two slots, each its own JVM), the cluster jar submitted with {@code jobs/flink-run.sh}. Upgraded
     * through a savepoint of {@code airindex stop}: resumed at parallelism 3 (from 2) with its state moved
     * from the heap to RocksDB. Then a TaskManager process is killed ({@code kill -9}) mid-stream, as a
     * lost machine, and another started: the job restarts from its last checkpoint.
     * The results are the clean run's, and the job's metrics reach their database through the reporter.
     */
    @Test
    void onTheStandaloneClusterUpgradedRescaledAndAfterALostTaskManager() throws Exception {
        try (ClusterRun run = new ClusterRun("cluster", servers, work)) {
            run.submit(null, 2, "hashmap");
            for (int i = 0; i < 2; i++) {
                run.produce(feed.stages.get(i));
                run.awaitConsumed();
            }
            String savepoint = run.stopWithSavepoint();
            long t = System.nanoTime();
            run.submit(savepoint, 3, "rocksdb");
            assertEquals(savepoint, run.restoredFrom(), "the upgraded job's state");
            assertEquals(Set.of(3), run.parallelisms(), "every operator rescaled");
            run.awaitCheckpoints(1);
            report("cluster: resubmitted from the savepoint at parallelism 3 on RocksDB", "its first checkpoint", t);

            run.produce(feed.stages.get(2));
            run.awaitCheckpoints(1);
            run.killTaskManager();
            long killed = System.nanoTime();
            run.addTaskManager();
            awaitRecovered(run, killed, "cluster: TaskManager process killed");
            run.awaitConsumed();
            for (int i = 3; i < feed.stages.size(); i++) {
                run.produce(feed.stages.get(i));
                run.awaitConsumed();
            }
            run.stopWithSavepoint();
            assertSameResults(run.name, run.results);
            InfluxQl metrics = new InfluxQl(servers.config.influx.url, run.metricsDatabase, InfluxAuth.none());
            assertFalse(metrics.query("SELECT count(count) FROM taskmanager_job_task_operator_numRecordsIn"
                    + " WHERE job_name = 'airindex'").isEmpty(), "the job's metrics, reported by the cluster's reporter plugin");
        }
    }

    /** A run that has read the first two stages and is given the third as the fault strikes. */
    private static FailureRun midStream(String name) throws Exception {
        FailureRun run = new FailureRun(name, servers, registry, work, "hashmap");
        try {
            run.start(null);
            for (int i = 0; i < 2; i++) {
                run.produce(feed.stages.get(i));
                run.awaitConsumed();
            }
            run.produce(feed.stages.get(2));
            return run;
        } catch (Exception | Error e) {
            run.close();
            throw e;
        }
    }

    private static void finishAndCompare(FailureRun run) throws Exception {
        run.awaitConsumed();
        produceFrom(run, 3);
        assertSameResults(run);
    }

    private static void produceFrom(FailureRun run, int first) throws Exception {
        for (int i = first; i < feed.stages.size(); i++) {
            run.produce(feed.stages.get(i));
            run.awaitConsumed();
        }
        run.finish();
    }

    /** Recovered: the job restarted and completed a checkpoint since. */
    private static void awaitRecovered(ObservedRun run, long since, String what) throws Exception {
        run.await("a restart", () -> {
            try {
                return run.restarts() > 0;
            } catch (Exception e) {
                return false;
            }
        });
        run.awaitCheckpoints(1);
        report(what + " (" + run.restarts() + " restarts, " + run.failedCheckpoints() + " failed checkpoints)",
                "a checkpoint after the restart", since);
    }

    /** The recovery time for the closing note and the README: from the end of the fault to {@code until}. */
    private static void report(String what, String until, long since) {
        System.out.printf("[failure injection] %s: %.1f s to %s%n", what, (System.nanoTime() - since) / 1e9, until);
    }

    /** The newest retained checkpoint of any job of the run (its _metadata is written last). */
    private static String lastRetained(FailureRun run) throws Exception {
        try (Stream<Path> files = Files.walk(run.checkpoints)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .map(p -> p.getParent().toString())
                    .orElseThrow(() -> new AssertionError("no retained checkpoint under " + run.checkpoints));
        }
    }

    private static void assertSameResults(FailureRun run) throws Exception {
        assertSameResults(run.name, run.results);
    }

    private static void assertSameResults(String name, RunResults run) throws Exception {
        List<String> points = run.points();
        List<String> missing = new ArrayList<>(cleanPoints);
        missing.removeAll(points);
        List<String> extra = new ArrayList<>(points);
        extra.removeAll(cleanPoints);
        assertEquals(List.of(), first(missing), name + ": points of the clean run missing or different");
        assertEquals(List.of(), first(extra), name + ": points the clean run does not have");
        assertEquals(cleanPoints.size(), points.size(), name + ": points");
        assertEquals(cleanAlerts, run.alerts(), name + ": alert events (read_committed)");
        assertEquals(cleanDeadLetters, run.deadLetters(), name + ": dead letters");
    }

    private static List<String> first(List<String> l) {
        return l.subList(0, Math.min(5, l.size()));
    }
}
