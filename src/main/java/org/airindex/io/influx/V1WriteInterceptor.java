package org.airindex.io.influx;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Lets influxdb-client-java (which only speaks the 2.x API) write to an InfluxDB 1.x server by turning its
 * {@code POST /api/v2/write?org=..&bucket=..&precision=..} into {@code POST /write?db=..&rp=..&precision=..}.
 *
 * <p>Servers before 1.8 have no {@code /api/v2/write} compatibility endpoint at all, and the client's own
 * {@code createV1} still posts there, so the rewrite is the only way to keep one write path (batching,
 * retries, line protocol) for both server generations. Every other call passes through untouched.
 */
public final class V1WriteInterceptor implements Interceptor {

    private static final String V2_WRITE = "api/v2/write";

    /**
     * 1.x knows {@code n}, {@code u}, {@code ms}, {@code s}; it reads the 2.x spellings {@code ns} and
     * {@code us} as unknown and silently falls back to nanoseconds, which would misplace every point.
     */
    private static final Map<String, String> PRECISION = Map.of("ns", "n", "us", "u", "ms", "ms", "s", "s");

    private final String database;
    private final String retentionPolicy;
    private final InfluxAuth auth;

    /** @param retentionPolicy null for the database's default retention policy */
    public V1WriteInterceptor(String database, String retentionPolicy, InfluxAuth auth) {
        this.database = Objects.requireNonNull(database, "database");
        this.retentionPolicy = retentionPolicy;
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(rewrite(chain.request()));
    }

    /** The request as it goes to the 1.x server; the same request if it is not a 2.x write. */
    public Request rewrite(Request request) {
        HttpUrl url = request.url();
        String path = url.encodedPath();
        if (!"POST".equals(request.method()) || !path.endsWith("/" + V2_WRITE)) {
            return request;
        }
        HttpUrl.Builder v1 = url.newBuilder()
                .encodedPath(path.substring(0, path.length() - V2_WRITE.length()) + "write")
                .query(null)
                .addQueryParameter("db", database);
        if (retentionPolicy != null) {
            v1.addQueryParameter("rp", retentionPolicy);
        }
        String precision = url.queryParameter("precision");
        if (precision != null) {
            String mapped = PRECISION.get(precision);
            if (mapped == null) {
                throw new IllegalArgumentException("write precision " + precision + " has no InfluxDB 1.x equivalent");
            }
            v1.addQueryParameter("precision", mapped);
        }
        Request.Builder rewritten = request.newBuilder().url(v1.build()).removeHeader("Authorization");
        auth.authorizationHeader().ifPresent(value -> rewritten.header("Authorization", value));
        return rewritten.build();
    }
}
