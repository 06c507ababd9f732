package org.airindex.io.influx;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small InfluxQL client over {@code /query}, which InfluxDB 1.x serves natively and 2.x serves for
 * buckets with a DBRP mapping; influxdb-client-java only offers Flux, which 1.x does not have.
 *
 * <p>Times come back as epoch seconds ({@code epoch=s}), matching how the sink writes them.
 */
public final class InfluxQl {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String url;
    private final String database;
    private final InfluxAuth auth;
    private final HttpClient http;

    /** @param database the {@code db} of every query; null for server-level statements only */
    public InfluxQl(String url, String database, InfluxAuth auth) {
        this(url, database, auth, Optional.empty());
    }

    /** @param tls what an https server's certificate is checked against; empty for the JDK's trust */
    public InfluxQl(String url, String database, InfluxAuth auth, Optional<Tls> tls) {
        this.url = Objects.requireNonNull(url, "url").replaceAll("/+$", "");
        this.database = database;
        this.auth = Objects.requireNonNull(auth, "auth");
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        tls.ifPresent(t -> http.sslContext(t.context()));
        this.http = http.build();
    }

    /** Queries the settings' 1.x database, or on 2.x the database name mapped to the bucket (same name). */
    public static InfluxQl of(InfluxSettings settings) {
        String db = settings.api() == InfluxSettings.Api.V1 ? settings.database() : settings.bucket();
        return new InfluxQl(settings.url(), db, settings.resolveAuth(), settings.tls());
    }

    /** Runs a read-only query (SELECT, SHOW) and returns the series of all its statements in order. */
    public List<Series> query(String query) throws IOException {
        HttpRequest request = authorized(HttpRequest.newBuilder(URI.create(url + "/query?" + form(query))))
                .GET().build();
        return parse(query, send(request));
    }

    /**
     * Runs a statement that changes the server (CREATE DATABASE, DROP SERIES, ...); POST because 1.x
     * deprecates such statements over GET and 2.x refuses them.
     */
    public void execute(String statement) throws IOException {
        HttpRequest request = authorized(HttpRequest.newBuilder(URI.create(url + "/query")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(statement)))
                .build();
        parse(statement, send(request));
    }

    /** A double-quoted InfluxQL identifier, so names with spaces, quotes or Chinese need no care. */
    public static String identifier(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A single-quoted InfluxQL string literal, e.g. for a tag value in a WHERE clause. */
    public static String literal(String value) {
        return '\'' + value.replace("\\", "\\\\").replace("'", "\\'") + '\'';
    }

    private String form(String q) {
        StringBuilder form = new StringBuilder("q=").append(encode(q)).append("&epoch=s");
        if (database != null) {
            form.append("&db=").append(encode(database));
        }
        return form.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        auth.authorizationHeader().ifPresent(value -> builder.header("Authorization", value));
        return builder.timeout(TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while querying " + url, e);
        }
    }

    private static List<Series> parse(String query, HttpResponse<String> response) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("InfluxQL `" + query + "` got HTTP " + response.statusCode()
                    + " with a body that is not JSON: " + abbreviate(response.body()), e);
        }
        failOnError(query, response.statusCode(), root);
        if (response.statusCode() / 100 != 2) {
            throw new IOException("InfluxQL `" + query + "` failed with HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        List<Series> series = new ArrayList<>();
        for (JsonNode result : root.path("results")) {
            failOnError(query, response.statusCode(), result);
            for (JsonNode s : result.path("series")) {
                series.add(series(s));
            }
        }
        return series;
    }

    private static void failOnError(String query, int status, JsonNode node) throws IOException {
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            throw new IOException("InfluxQL `" + query + "` failed (HTTP " + status + "): " + error.asText());
        }
    }

    private static Series series(JsonNode s) throws IOException {
        Map<String, String> tags = new LinkedHashMap<>();
        s.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        List<String> columns = new ArrayList<>();
        s.path("columns").forEach(c -> columns.add(c.asText()));
        List<List<Object>> values = new ArrayList<>();
        for (JsonNode row : s.path("values")) {
            List<Object> cells = new ArrayList<>(row.size());
            for (JsonNode cell : row) {
                cells.add(JSON.treeToValue(cell, Object.class));
            }
            values.add(cells);
        }
        return new Series(s.path("name").asText(), tags, columns, values);
    }

    private static String abbreviate(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }
}
