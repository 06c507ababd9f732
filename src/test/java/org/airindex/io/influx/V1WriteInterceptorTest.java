package org.airindex.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

class V1WriteInterceptorTest {

    private static final RequestBody LINES = RequestBody.create("m f=1 1", MediaType.get("text/plain"));

    private static Request v2Write(String url) {
        return new Request.Builder().url(url).post(LINES).header("Authorization", "Token leftover").build();
    }

    @Test
    void mapsV2WriteToV1WriteWithDatabaseRetentionPolicyAndPrecision() {
        V1WriteInterceptor interceptor = new V1WriteInterceptor("空气 质量", "one_year", InfluxAuth.none());

        Request rewritten = interceptor.rewrite(
                v2Write("http://127.0.0.1:8086/api/v2/write?org=-&bucket=x&precision=s"));

        assertEquals("/write", rewritten.url().encodedPath());
        assertEquals("空气 质量", rewritten.url().queryParameter("db"));
        assertEquals("one_year", rewritten.url().queryParameter("rp"));
        assertEquals("s", rewritten.url().queryParameter("precision"));
        assertNull(rewritten.url().queryParameter("org"));
        assertNull(rewritten.url().queryParameter("bucket"));
        assertNull(rewritten.header("Authorization"), "a v2 token header must not reach a 1.x server");
        assertSame(LINES, rewritten.body());
        assertEquals("POST", rewritten.method());
    }

    @Test
    void mapsEveryV2PrecisionToItsV1Spelling() {
        V1WriteInterceptor interceptor = new V1WriteInterceptor("db", null, InfluxAuth.none());
        String[][] cases = {{"ns", "n"}, {"us", "u"}, {"ms", "ms"}, {"s", "s"}};
        for (String[] c : cases) {
            Request rewritten = interceptor.rewrite(v2Write("http://h:1/api/v2/write?org=o&bucket=b&precision=" + c[0]));
            assertEquals(c[1], rewritten.url().queryParameter("precision"), c[0]);
            assertNull(rewritten.url().queryParameter("rp"), "no rp means the database default");
        }
    }

    @Test
    void keepsAPathPrefixAndAddsBasicAuth() {
        V1WriteInterceptor interceptor = new V1WriteInterceptor("db", null, InfluxAuth.basic("writer", "s3cret"));

        Request rewritten = interceptor.rewrite(v2Write("https://proxy:443/influx/api/v2/write?precision=ms"));

        assertEquals("https://proxy/influx/write?db=db&precision=ms", rewritten.url().toString());
        assertEquals("Basic d3JpdGVyOnMzY3JldA==", rewritten.header("Authorization"));
    }

    @Test
    void leavesOtherCallsAlone() {
        V1WriteInterceptor interceptor = new V1WriteInterceptor("db", null, InfluxAuth.basic("u", "p"));
        Request ping = new Request.Builder().url("http://h:1/ping").build();
        Request query = new Request.Builder().url("http://h:1/api/v2/query?org=o").post(LINES).build();

        assertSame(ping, interceptor.rewrite(ping));
        assertSame(query, interceptor.rewrite(query));
    }

    @Test
    void refusesAPrecisionThatV1DoesNotKnow() {
        V1WriteInterceptor interceptor = new V1WriteInterceptor("db", null, InfluxAuth.none());
        assertThrows(IllegalArgumentException.class,
                () -> interceptor.rewrite(v2Write("http://h:1/api/v2/write?precision=fortnight")));
    }
}
