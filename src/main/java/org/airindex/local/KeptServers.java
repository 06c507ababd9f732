package org.airindex.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What a local run with {@code --keep} leaves for the next one, in {@code kept.properties} of its work
 * folder: the addresses of the servers it left running, the last synthetic day it produced and the
 * savepoint its job stopped with, so that the next run continues the same stream where it left off.
 */
record KeptServers(String influxUrl, String kafkaBootstrap, LocalDate lastDay, String savepoint, String pids) {
    private static final String FILE = "kept.properties";

    /** The servers of the last kept run, if both still answer. */
    static Optional<KeptServers> find(Path workDir) {
        Path file = workDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            KeptServers kept = new KeptServers(p.getProperty("influx_url"), p.getProperty("kafka_bootstrap"),
                    LocalDate.parse(p.getProperty("last_day")), p.getProperty("savepoint"), p.getProperty("pids"));
            return kept.answer() ? Optional.of(kept) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    void write(Path workDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("influx_url", influxUrl);
        p.setProperty("kafka_bootstrap", kafkaBootstrap);
        p.setProperty("last_day", lastDay.toString());
        p.setProperty("savepoint", savepoint);
        p.setProperty("pids", pids);
        try (Writer w = Files.newBufferedWriter(workDir.resolve(FILE))) {
            p.store(w, "left by jobs/run-local.sh --keep for the next run; stop the servers with: kill " + pids);
        }
    }

    /** Forgets the kept run (its servers are gone): the next run starts over. */
    static void forget(Path workDir) throws IOException {
        Files.deleteIfExists(workDir.resolve(FILE));
    }

    private boolean answer() {
        try {
            HttpRequest ping = HttpRequest.newBuilder(URI.create(influxUrl + "/ping")).timeout(Duration.ofSeconds(2)).build();
            if (HttpClient.newHttpClient().send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() != 204) {
                return false;
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            }
        } catch (Exception gone) {
            return false;
        }
    }
}
