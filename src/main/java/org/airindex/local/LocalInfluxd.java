package org.airindex.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.airindex.io.influx.InfluxAuth;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Tls;

/**
 * A private InfluxDB 1.x server from the Debian package, for tests and local runs.
 *
 * <p>Everything it owns lives in one fresh folder (config, meta, data, wal, log) that {@link #close()}
 * deletes. Both the HTTP port and the RPC port get free loopback ports: the package default 8088 for RPC
 * would make two servers (or a system-wide influxd) collide.
 */
public final class LocalInfluxd implements AutoCloseable {

    static final Path INFLUXD = Path.of("/usr/bin/influxd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final ChildProcess process;
    private final String url;
    private final Optional<Tls> tls;
    private InfluxAuth admin = InfluxAuth.none();
    private final HttpClient http;

    private LocalInfluxd(ChildProcess process, String url, Optional<Tls> tls) {
        this.process = process;
        this.url = url;
        this.tls = tls;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        tls.ifPresent(t -> http.sslContext(t.context()));
        this.http = http.build();
    }

    /** Starts a server in a new folder under {@code workDir} and returns once it answers {@code /ping}. */
    public static LocalInfluxd start(Path workDir) throws IOException {
        return start(workDir, false, null, null);
    }

    /**
     * Starts a server that speaks https only, with this certificate (PEM, e.g. self-signed) and private key;
     * its {@link #url()} is an https one, trusted by this object's own requests.
     */
    public static LocalInfluxd startWithTls(Path workDir, Path certificate, Path privateKey) throws IOException {
        return start(workDir, false, certificate, privateKey);
    }

    /**
     * Starts a server with {@code auth-enabled = true} and an admin user {@code admin} with a random
     * password ({@link #admin()}), which creates databases and users; everyone else needs credentials.
     */
    public static LocalInfluxd startWithAuth(Path workDir) throws IOException {
        LocalInfluxd server = start(workDir, true, null, null);
        String password = java.util.UUID.randomUUID().toString();
        // 1.x lets the first admin user be created without credentials, and nothing else.
        new InfluxQl(server.url, null, InfluxAuth.none(), server.tls).execute("CREATE USER admin WITH PASSWORD "
                + InfluxQl.literal(password) + " WITH ALL PRIVILEGES");
        server.admin = InfluxAuth.basic("admin", password);
        return server;
    }

    private static LocalInfluxd start(Path workDir, boolean authEnabled, Path certificate, Path privateKey)
            throws IOException {
        if (!Files.isExecutable(INFLUXD)) {
            throw new IllegalStateException(INFLUXD + " not found: InfluxDB 1.x is needed, install it with "
                    + "`apt-get install -y influxdb`");
        }
        Files.createDirectories(workDir);
        Path dir = Files.createTempDirectory(workDir, "influxd-");
        int httpPort = FreePort.pick();
        int rpcPort = FreePort.pick();
        Path config = dir.resolve("influxdb.conf");
        Files.writeString(config, config(dir, httpPort, rpcPort, authEnabled, certificate, privateKey));
        ChildProcess process = ChildProcess.start("influxd",
                List.of(INFLUXD.toString(), "-config", config.toString()), dir, dir.resolve("influxd.log"));
        boolean https = certificate != null;
        LocalInfluxd server = new LocalInfluxd(process, (https ? "https" : "http") + "://127.0.0.1:" + httpPort,
                https ? Optional.of(Tls.trusting(certificate)) : Optional.empty());
        try {
            server.awaitPing();
        } catch (IOException | RuntimeException e) {
            process.close();
            throw e;
        }
        return server;
    }

    private static String config(Path dir, int httpPort, int rpcPort, boolean authEnabled, Path certificate,
            Path privateKey) {
        // Monitor store and reporting would write to _internal and phone home; neither belongs in a test.
        return """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"

                [meta]
                  dir = "%s"
                  logging-enabled = false

                [data]
                  dir = "%s"
                  wal-dir = "%s"
                  query-log-enabled = false

                [monitor]
                  store-enabled = false

                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                  auth-enabled = %s
                  https-enabled = %s
                  https-certificate = "%s"
                  https-private-key = "%s"

                [logging]
                  level = "warn"
                """.formatted(rpcPort, dir.resolve("meta"), dir.resolve("data"), dir.resolve("wal"), httpPort, authEnabled,
                certificate != null, certificate == null ? "" : certificate, privateKey == null ? "" : privateKey);
    }

    private void awaitPing() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url + "/ping")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("influxd exited during start-up; log tail:\n" + process.logTail());
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return;
                }
            } catch (IOException notYetListening) {
                // expected until the HTTP listener is bound
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for influxd", e);
            }
            sleep(100);
        }
        throw new IOException("influxd did not answer " + url + "/ping within " + START_TIMEOUT.toSeconds()
                + " s; log tail:\n" + process.logTail());
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for influxd", e);
        }
    }

    /** Base URL of the HTTP API, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return url;
    }

    /** Creates a database; a no-op if it exists. */
    public void createDatabase(String name) throws IOException {
        new InfluxQl(url, null, admin, tls).execute("CREATE DATABASE " + InfluxQl.identifier(name));
    }

    /** The admin user's credentials of a server started {@link #startWithAuth with auth}; else none. */
    public InfluxAuth admin() {
        return admin;
    }

    /** Stops the server, keeping its data and port, as an outage does; {@link #startAgain()} ends the outage. */
    public void stop() {
        process.stop();
    }

    /** Starts the stopped server again on its data and port, and returns once it answers {@code /ping}. */
    public void startAgain() throws IOException {
        process.startAgain();
        awaitPing();
    }

    /** Leaves the server running after {@link #close()} and JVM exit, e.g. for a {@code --keep} local run. */
    public void keep() {
        process.keep();
    }

    /** Process id, so whoever keeps the server can stop it later. */
    public long pid() {
        return process.pid();
    }

    /** Stops the server and deletes its folder, unless {@link #keep()} was called. */
    @Override
    public void close() {
        process.close();
    }
}
