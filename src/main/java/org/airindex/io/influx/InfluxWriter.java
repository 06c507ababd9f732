package org.airindex.io.influx;

import java.io.IOException;
import java.io.InterruptedIOException;
import javax.net.ssl.SSLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Writes batches of line-protocol lines (precision seconds) to InfluxDB 1.x or 2.x, retrying failures that
 * may heal by themselves after growing, jittered waits or as long as the server asks ({@link Backoff}), and
 * failing loudly when they do not.
 *
 * <p>Kept free of Flink so that the write path can be used and tested on its own; {@link InfluxSinkWriter}
 * adds buffering and metrics on top.
 */
public final class InfluxWriter implements AutoCloseable {
    /** The client library insists on an org; on 1.x the write is mapped to a database and this goes unused. */
    private static final String V1_ORG = "-";

    private final InfluxSettings settings;
    private final InfluxAuth auth;
    /** The writes' transport, for {@link #checkAccess} too. */
    private final OkHttpClient http;
    private final Runnable onRetry;
    private final InfluxDBClient client;
    private final WriteApiBlocking writeApi;
    /** DELETE statements for 1.x (the client library speaks only 2.x's delete API). */
    private final InfluxQl influxQl;

    public InfluxWriter(InfluxSettings settings) {
        this(settings, () -> { });
    }

    /** @param onRetry called before each retry, e.g. to count retries in a metric */
    public InfluxWriter(InfluxSettings settings, Runnable onRetry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onRetry = Objects.requireNonNull(onRetry, "onRetry");
        this.auth = settings.resolveAuth();
        Optional<Tls> tls = settings.tls();
        OkHttpClient.Builder transport = new OkHttpClient.Builder();
        tls.ifPresent(t -> transport.sslSocketFactory(t.context().getSocketFactory(), t.trustManager()));
        if (settings.api() == InfluxSettings.Api.V1) {
            transport.addInterceptor(new V1WriteInterceptor(settings.database(), settings.retentionPolicy().orElse(null), auth));
        }
        this.http = transport.build();
        this.client = InfluxDBClientFactory.create(options(settings, auth, transport));
        this.writeApi = client.getWriteApiBlocking();
        this.influxQl = settings.api() == InfluxSettings.Api.V1
                ? new InfluxQl(settings.url(), settings.database(), auth, tls) : null;
    }

    private static InfluxDBClientOptions options(InfluxSettings settings, InfluxAuth auth, OkHttpClient.Builder transport) {
        InfluxDBClientOptions.Builder options = InfluxDBClientOptions.builder().url(settings.url()).okHttpClient(transport);
        if (settings.api() == InfluxSettings.Api.V1) {
            return options.org(V1_ORG).bucket(settings.database()).build();
        }
        String token = auth.authorizationHeader().orElseThrow().substring("Token ".length());
        return options.authenticateToken(token.toCharArray()).org(settings.org()).bucket(settings.bucket()).build();
    }

    /** A line the server refused for its content, with the server's words. */
    public record Rejected(String line, String message) {
    }

    /**
     * Writes all lines, in requests of at most {@link InfluxSettings#batchSize()} lines. A request the server
     * refuses for its content (HTTP 400, 413, 422: a field type conflict, a point beyond the retention
     * policy, an unparsable line, too large) is split in halves until the lines it refuses stand alone;
     * the others are written (rewriting a point is harmless) and the refused ones returned, so that one bad
     * point is set aside instead of failing every checkpoint after it.
     *
     * @return the lines refused for their content, each with the server's message
     * @throws IOException when the server refuses for another reason (authentication, unknown database) or
     *     still fails after {@link InfluxSettings#maxRetries()} retries
     */
    public List<Rejected> write(List<String> lines) throws IOException {
        List<Rejected> rejected = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += settings.batchSize()) {
            writeBatch(lines.subList(from, Math.min(lines.size(), from + settings.batchSize())), rejected);
        }
        return rejected;
    }

    private void writeBatch(List<String> batch, List<Rejected> rejected) throws IOException {
        Backoff backoff = new Backoff(settings.retryBackoff(), Clock.systemUTC(), ThreadLocalRandom.current());
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                writeApi.writeRecords(WritePrecision.S, batch);
                return;
            } catch (InfluxException e) {
                if (refusesContent(e)) {
                    isolate(batch, e, rejected);
                    return;
                }
                if (!mayHeal(e)) {
                    throw new IOException("InfluxDB at " + target() + " rejected " + batch.size()
                            + " lines (HTTP " + e.status() + "): " + e.getMessage(), e);
                }
                if (attempt > settings.maxRetries()) {
                    throw new IOException("writing " + batch.size() + " lines to InfluxDB at " + target()
                            + " failed after " + attempt + " attempts: " + describe(e), e);
                }
                wait = backoff.next(e.headers());
            }
            onRetry.run();
            sleep(wait);
        }
    }

    /**
     * Deletes the points a recomputed result replaces, retrying like a write; any refusal fails (a delete
     * that cannot be done must not let a stale value stand), except a server without a delete API.
     *
     * @return false when the server has no delete API (InfluxDB 3, QuestDB: HTTP 404, 405 or 501 on
     *     {@code /api/v2/delete}); the recomputed points then overwrite the old ones by tags and time, and
     *     a field or a place they no longer have keeps its old value
     */
    public boolean delete(Replace replace) throws IOException {
        Backoff backoff = new Backoff(settings.retryBackoff(), Clock.systemUTC(), ThreadLocalRandom.current());
        for (int attempt = 1; ; attempt++) {
            try {
                if (influxQl != null) {
                    influxQl.execute(replace.influxQl());
                } else {
                    OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochSecond(replace.epochSeconds()), ZoneOffset.UTC);
                    client.getDeleteApi().delete(at, at, replace.predicate(), settings.bucket(), settings.org());
                }
                return true;
            } catch (InfluxException e) {
                if (e.status() == 404 || e.status() == 405 || e.status() == 501) {
                    return false;
                }
                if (attempt > settings.maxRetries()) {
                    throw new IOException("deleting " + replace + " at " + target() + " failed after " + attempt
                            + " attempts: " + e.getMessage(), e);
                }
            } catch (IOException e) {
                if (attempt > settings.maxRetries()) {
                    throw new IOException("deleting " + replace + " at " + target() + " failed after " + attempt
                            + " attempts: " + e.getMessage(), e);
                }
            }
            onRetry.run();
            sleep(backoff.next(Map.of()));
        }
    }

    /**
     * Asks the server whether these credentials may write here, with a write of no lines: a wrong or missing
     * user, password or token, or a missing database, stops the job as it starts, saying which, instead of
     * failing every checkpoint later. A server that does not answer is not decided here: writes retry that.
     *
     * @throws IllegalStateException when the server refuses (HTTP 401, 403, 404)
     */
    public void checkAccess() {
        // The writes' own request on their own transport (TLS; on 1.x mapped to /write?db=&rp= with the user).
        HttpUrl url = HttpUrl.get(settings.url()).newBuilder().addPathSegments("api/v2/write")
                .addQueryParameter("org", settings.api() == InfluxSettings.Api.V1 ? V1_ORG : settings.org())
                .addQueryParameter("bucket", settings.api() == InfluxSettings.Api.V1 ? settings.database() : settings.bucket())
                .addQueryParameter("precision", "s").build();
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(new byte[0]));
        auth.authorizationHeader().ifPresent(h -> request.header("Authorization", h));
        try (Response response = http.newCall(request.build()).execute()) {
            int status = response.code();
            if (status == 401 || status == 403 || status == 404) {
                throw new IllegalStateException("InfluxDB at " + target() + " refuses to be written to with "
                        + settings.credentials() + ": HTTP " + status + " " + response.body().string().strip());
            }
        } catch (SSLException untrusted) {
            throw new IllegalStateException("InfluxDB at " + target() + ": no TLS connection (" + untrusted.getMessage()
                    + "); if its certificate is signed by a private CA or self-signed, name that certificate in"
                    + " influx.truststore (a PEM file)", untrusted);
        } catch (IOException unreachable) {
            // Writes retry a server that does not answer.
        }
    }

    private void isolate(List<String> batch, InfluxException e, List<Rejected> rejected) throws IOException {
        if (batch.size() == 1) {
            rejected.add(new Rejected(batch.get(0), "HTTP " + e.status() + ": " + e.getMessage()));
            return;
        }
        int half = batch.size() / 2;
        writeBatch(batch.subList(0, half), rejected);
        writeBatch(batch.subList(half, batch.size()), rejected);
    }

    private static boolean refusesContent(InfluxException e) {
        int status = e.status();
        return status == 400 || status == 413 || status == 422;
    }

    /** No HTTP status (connection refused, timeout), a timeout, throttling, or a server-side error. */
    private static boolean mayHeal(InfluxException e) {
        int status = e.status();
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }

    private static String describe(InfluxException e) {
        return e.status() == 0 ? String.valueOf(e.getMessage()) : "HTTP " + e.status() + ": " + e.getMessage();
    }

    private String target() {
        return settings.api() == InfluxSettings.Api.V1
                ? settings.url() + " database " + settings.database()
                : settings.url() + " bucket " + settings.bucket();
    }

    private static void sleep(Duration wait) throws InterruptedIOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while backing off");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    @Override
    public void close() {
        http.connectionPool().evictAll();
        client.close();
    }
}
