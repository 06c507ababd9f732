package org.airindex.io.influx;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Credentials read at connection time: none, a 1.x user and password, or a 2.x token.
 *
 * <p>Kept out of {@link InfluxSettings} so that the serializable settings only ever hold references to
 * secrets; this object lives on the task that connects and is never serialized or printed.
 */
public final class InfluxAuth {

    private static final InfluxAuth NONE = new InfluxAuth(null);

    private final String authorization;

    private InfluxAuth(String authorization) {
        this.authorization = authorization;
    }

    /** No credentials: a 1.x server without {@code auth-enabled}. */
    public static InfluxAuth none() {
        return NONE;
    }

    /**
     * A 1.x user. Sent as HTTP basic auth rather than {@code u=&p=} query parameters, because URLs end up
     * in proxy and client logs while headers usually do not.
     */
    public static InfluxAuth basic(String username, String password) {
        String pair = username + ":" + password;
        return new InfluxAuth("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** A 2.x API token. */
    public static InfluxAuth token(String token) {
        return new InfluxAuth("Token " + token);
    }

    /** Value for the {@code Authorization} header, if there are credentials. */
    public Optional<String> authorizationHeader() {
        return Optional.ofNullable(authorization);
    }

    @Override
    public String toString() {
        return authorization == null ? "InfluxAuth[none]" : "InfluxAuth[" + authorization.split(" ")[0] + " ***]";
    }
}
