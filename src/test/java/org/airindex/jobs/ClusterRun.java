package org.airindex.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.airindex.local.FreePort;
import org.airindex.testing.ConfigFiles;
import org.airindex.testing.RealServers;

/**
 * The production job on the standalone cluster that {@code jobs/cluster.sh} starts (a JobManager and two
 * TaskManagers, each its own JVM on Flink's jars from Maven), submitted from the cluster jar with
 * {@code jobs/flink-run.sh} and its YAML configuration file, watched and stopped through Flink's REST API.
 * The scripts run exactly as an operator types them; their output goes to {@code work/name/scripts.log}.
 *
 * <p>The configuration travels as a file, so the job has the system clock as its processing clock: the
 * feed's November 2026 readings are in its past from then on (never "ahead", event_time.max_ahead).
 */
final class ClusterRun implements ObservedRun, AutoCloseable {
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Pattern PARTITION = Pattern.compile("\\.partition\\.(\\d+)\\.currentOffset$");
    private static final Pattern SUBMITTED = Pattern.compile("JobID ([0-9a-f]{32})");
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final RunResults results;
    final String metricsDatabase;
    private final Path configFile;
    private final Path log;
    private final String rest;
    private final Map<String, String> env = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String jobId;
    /** Restarts of the jobs before the current one (each resume is a new job). */
    private long earlierRestarts;

    ClusterRun(String name, RealServers servers, Path work) throws Exception {
        this.name = name;
        this.results = RunResults.prepare(name, servers, work, "hashmap", 3);
        this.configFile = ConfigFiles.write(results.config, work.resolve(name).resolve("airindex.yaml"));
        this.log = work.resolve(name).resolve("scripts.log");
        this.metricsDatabase = name + "_metrics";
        servers.influxd.createDatabase(metricsDatabase);
        int restPort = FreePort.pick();
        rest = "http://localhost:" + restPort;
        env.put("AIRINDEX_CLUSTER_DIR", Path.of("target/test-cluster").toAbsolutePath().toString());
        env.put("AIRINDEX_CLUSTER_REST_PORT", Integer.toString(restPort));
        env.put("AIRINDEX_CLUSTER_RPC_PORT", Integer.toString(FreePort.pick()));
        env.put("AIRINDEX_METRICS_INFLUX_URL", servers.config.influx.url);
        env.put("AIRINDEX_METRICS_DATABASE", metricsDatabase);
        script("jobs/cluster.sh", "start");
    }

    /**
     * Submits the cluster jar with {@code jobs/flink-run.sh}, from a savepoint when given one, at a
     * parallelism and with a state backend ({@code AIRINDEX_STATE_BACKEND}), and waits until it runs.
     */
    void submit(String savepoint, int parallelism, String stateBackend) throws Exception {
        Path jar = Path.of("target/airindex-cluster.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: this test runs after mvn package (jobs/test.sh)");
        }
        if (jobId != null) {
            earlierRestarts += currentRestarts();
        }
        List<String> command = new ArrayList<>(List.of("jobs/flink-run.sh", "--config", configFile.toString(),
                "--jar", jar.toString(), "--parallelism", Integer.toString(parallelism)));
        if (savepoint != null) {
            command.addAll(List.of("--from-savepoint", savepoint));
        }
        Matcher m = SUBMITTED.matcher(script(Map.of("AIRINDEX_STATE_BACKEND", stateBackend),
                command.toArray(String[]::new)));
        if (!m.find()) {
            throw new AssertionError(name + ": jobs/flink-run.sh did not say which job it submitted; see " + log);
        }
        jobId = m.group(1);
        await("the job runs", () -> "RUNNING".equals(state()));
    }

    void produce(List<FailureFeed.Line> lines) throws Exception {
        results.produce(lines);
    }

    /** Every reading read, then two checkpoints more (see {@link FailureRun#awaitConsumed}). */
    void awaitConsumed() throws Exception {
        await("every reading read", () -> results.allRead(readThrough(), completedCheckpoints()));
        awaitCheckpoints(2);
    }

    /** {@code airindex stop} against the cluster's REST API; the savepoint's location, as it says. */
    String stopWithSavepoint() throws Exception {
        String savepoint = ObservedRun.airindexStop(rest, "--job", jobId);
        earlierRestarts += currentRestarts();
        return savepoint;
    }

    /** {@code kill -9} of a TaskManager process, as a lost machine. */
    void killTaskManager() throws Exception {
        script("jobs/cluster.sh", "kill-taskmanager", "1");
    }

    void addTaskManager() throws Exception {
        script("jobs/cluster.sh", "add-taskmanager");
    }

    @Override
    public long completedCheckpoints() {
        try {
            return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public long failedCheckpoints() throws Exception {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("failed").asLong();
    }

    /** Where Flink says the current job's state was restored from. */
    String restoredFrom() throws Exception {
        return get("/jobs/" + jobId + "/checkpoints").path("latest").path("restored").path("external_path").asText(null);
    }

    /** The parallelism of each operator chain of the current job. */
    Set<Integer> parallelisms() throws Exception {
        Set<Integer> out = new TreeSet<>();
        job().path("vertices").forEach(v -> out.add(v.path("parallelism").asInt()));
        return out;
    }

    /** Restarts of this run so far, over the jobs it resumed too. */
    @Override
    public long restarts() throws Exception {
        return earlierRestarts + currentRestarts();
    }

    private long currentRestarts() throws Exception {
        for (JsonNode metric : get("/jobs/" + jobId + "/metrics?get=numRestarts")) {
            return metric.path("value").asLong();
        }
        return 0;
    }

    /** Partition → offset of the last record the source emitted, from its currentOffset gauges over REST. */
    private Map<Integer, Long> readThrough() {
        Map<Integer, Long> read = new TreeMap<>();
        try {
            JsonNode source = job().path("vertices").get(0);
            String path = "/jobs/" + jobId + "/vertices/" + source.path("id").asText() + "/metrics";
            List<String> ids = new ArrayList<>();
            get(path).forEach(m -> {
                if (PARTITION.matcher(m.path("id").asText()).find()) {
                    ids.add(m.path("id").asText());
                }
            });
            if (!ids.isEmpty()) {
                for (JsonNode m : get(path + "?get=" + String.join(",", ids))) {
                    Matcher p = PARTITION.matcher(m.path("id").asText());
                    if (p.find()) {
                        read.merge(Integer.parseInt(p.group(1)), Long.parseLong(m.path("value").asText()), Math::max);
                    }
                }
            }
        } catch (Exception e) {
            // Between jobs or while a TaskManager is gone: the committed offsets still answer.
        }
        return read;
    }

    private String state() {
        try {
            return job().path("state").asText();
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private JsonNode job() throws Exception {
        return get("/jobs/" + jobId);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rest + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    @Override
    public void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            String state = jobId == null ? "" : state();
            if (state.equals("FAILED")) {
                throw new AssertionError(name + ": the job failed while waiting for " + what + ":\n"
                        + get("/jobs/" + jobId + "/exceptions").path("root-exception").asText());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": gave up waiting after " + PATIENCE + " for " + what
                        + " (job " + state + "; " + results.progress() + "; logs in target/test-cluster/log)");
            }
            Thread.sleep(200);
        }
    }

    private String script(String... command) throws Exception {
        return script(Map.of(), command);
    }

    /** Runs a script from the project folder with the run's environment; its output, or a failure naming the log. */
    private String script(Map<String, String> more, String... command) throws Exception {
        Path out = Files.createTempFile(log.getParent(), "script", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        pb.environment().putAll(more);
        Process p = pb.start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(out);
        Files.writeString(log, "$ " + String.join(" ", command) + "\n" + output, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Files.delete(out);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 5 min:\n" + output);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + output);
        }
        return output;
    }

    @Override
    public void close() throws Exception {
        script("jobs/cluster.sh", "stop");
    }
}
