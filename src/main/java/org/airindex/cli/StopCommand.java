package org.airindex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.airindex.config.AirIndexConfig;
import org.airindex.jobs.ProductionIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stop}: stops the running airindex job with a savepoint through Flink's REST API (the local cluster
 * of {@code run}, or a real one) and prints where the savepoint is, for {@code run --from-savepoint}.
 *
 * <p>The job is not drained: draining would push the watermark to the end of time, close every open
 * hour, day and period with what it has so far and write those parts as results. Stopped without it,
 * the open windows are kept in the savepoint and finish after the resume as if nothing happened.
 */
@Command(name = "stop", description = "Stop the running job with a savepoint and print where it is, for run "
        + "--from-savepoint.")
final class StopCommand extends Subcommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Exit status: the cluster could not be reached, or the savepoint failed (the job then keeps running). */
    static final int FAILED = 3;

    @Mixin
    private ConfigOption configOption;

    @Option(names = "--rest", paramLabel = "URL", description = {"Flink's REST API",
            "  Default: localhost, at the configuration's checkpointing.rest_port"})
    private String rest;

    @Option(names = "--job", paramLabel = "ID", description = {"the job to stop", "  Default: the one running job"})
    private String job;

    @Option(names = "--savepoint-dir", paramLabel = "DIR", description = {"where the savepoint goes",
            "  Default: checkpointing.savepoint_dir of the configuration, else the cluster's own"})
    private String savepointDir;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "how long to wait for the savepoint (ISO-8601)")
    private Duration timeout;

    StopCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        String restUrl;
        String target;
        try {
            AirIndexConfig config = configOption.load();
            restUrl = (rest != null ? rest : "http://localhost:" + config.checkpointing.restPort).replaceAll("/+$", "");
            String dir = savepointDir != null ? savepointDir : config.checkpointing.savepointDir;
            // Empty: the cluster's own execution.checkpointing.savepoint-dir, if it has one.
            target = AirIndexConfig.names(dir) ? ProductionIo.location(dir.strip()) : null;
        } catch (IllegalArgumentException e) {
            err.println("stop: " + e.getMessage());
            return USAGE;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            String id = job != null ? job : theRunningJob(http, restUrl);
            var body = JSON.createObjectNode().put("drain", false).put("formatType", "CANONICAL");
            if (target != null) {
                body.put("targetDirectory", target);
            }
            String trigger = exchange(http, HttpRequest.newBuilder(URI.create(restUrl + "/jobs/" + id + "/stop"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))).path("request-id").asText();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                JsonNode state = exchange(http, HttpRequest.newBuilder(
                        URI.create(restUrl + "/jobs/" + id + "/savepoints/" + trigger)).GET());
                if ("COMPLETED".equals(state.path("status").path("id").asText())) {
                    JsonNode op = state.path("operation");
                    if (op.has("failure-cause")) {
                        err.println("stop: the savepoint failed, the job keeps running: "
                                + op.path("failure-cause").path("stack-trace").asText().lines().findFirst().orElse(""));
                        return FAILED;
                    }
                    out.println("stopped job " + id + " with a savepoint; resume with: run --from-savepoint "
                            + op.path("location").asText());
                    return 0;
                }
                if (System.nanoTime() > deadline) {
                    err.println("stop: no savepoint after " + timeout + " (trigger " + trigger + " of job " + id + ")");
                    return FAILED;
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            err.println("stop: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    /** The one running job; with several, the operator must say which (--job). */
    private static String theRunningJob(HttpClient http, String rest) throws IOException, InterruptedException {
        List<String> running = new ArrayList<>();
        for (JsonNode j : exchange(http, HttpRequest.newBuilder(URI.create(rest + "/jobs/overview")).GET()).path("jobs")) {
            if ("RUNNING".equals(j.path("state").asText())) {
                running.add(j.path("jid").asText() + " (" + j.path("name").asText() + ")");
            }
        }
        if (running.size() != 1) {
            throw new IOException(running.isEmpty() ? "no running job at " + rest
                    : "several running jobs at " + rest + ", name one with --job: " + String.join(", ", running));
        }
        String only = running.get(0);
        return only.substring(0, only.indexOf(' '));
    }

    private static JsonNode exchange(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest r = request.timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response;
        try {
            response = http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException("no Flink REST API at " + r.uri().resolve("/") + " (is the job running? checkpointing.rest_port, --rest)", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(r.method() + " " + r.uri() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
