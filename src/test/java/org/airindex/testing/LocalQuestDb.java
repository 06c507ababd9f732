package org.airindex.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.airindex.local.FreePort;

/**
 * A real QuestDB server (the {@code org.questdb:questdb} jar of the test classpath, in its own JVM) that
 * speaks InfluxDB 2's write API, {@code /api/v2/write}, as the InfluxDB 2.x/3.x users of airindex would
 * meet it; rows come back through its SQL endpoint {@link #sql}. Only its HTTP server runs, on a free
 * loopback port, with everything it owns in one folder.
 */
public final class LocalQuestDb implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalQuestDb(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public static LocalQuestDb start(Path work) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory(Files.createDirectories(work), "questdb-");
        Files.createDirectories(root.resolve("conf"));
        int port = FreePort.pick();
        // Only the HTTP server (REST, SQL and the InfluxDB write APIs): no PostgreSQL wire, no TCP or UDP line
        // protocol, no health server, no telemetry.
        Files.writeString(root.resolve("conf/server.conf"), String.join("\n",
                "http.bind.to=127.0.0.1:" + port,
                "http.min.enabled=false",
                "pg.enabled=false",
                "line.tcp.enabled=false",
                "line.udp.enabled=false",
                "telemetry.enabled=false", ""));
        String jar = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> Path.of(p).getFileName().toString().startsWith("questdb-"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no questdb jar on the test classpath"));
        Path log = root.resolve("questdb.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", jar, "io.questdb.ServerMain", "-d", root.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalQuestDb db = new LocalQuestDb(p, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                db.sql("select 1");
                return db;
            } catch (IOException notYet) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    db.close();
                    throw new IOException("QuestDB did not start: see " + log, notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    public String url() {
        return url;
    }

    /** Runs SQL through {@code /exec}: the result's columns and dataset, or the server's error as an exception. */
    public JsonNode sql(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/exec?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IOException(query + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /**
     * Waits until every WAL table has applied what it was sent: QuestDB acknowledges a write when it is in
     * the write-ahead log, and a query sees it once applied.
     */
    public void awaitApplied() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            boolean applied = true;
            for (JsonNode t : sql("select name, suspended, writerTxn, sequencerTxn from wal_tables()").path("dataset")) {
                if (t.get(1).asBoolean()) {
                    throw new IOException("QuestDB suspended table " + t.get(0).asText());
                }
                applied &= t.get(2).asLong() == t.get(3).asLong();
            }
            if (applied) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("QuestDB did not apply its WAL within 60 s");
            }
            Thread.sleep(100);
        }
    }

    /** The names of the tables, sorted. */
    public List<String> tables() throws IOException, InterruptedException {
        return Stream.of(JSON.convertValue(sql("select table_name from tables() order by table_name").path("dataset"),
                String[][].class)).map(row -> row[0]).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
