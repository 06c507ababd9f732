package org.airindex.io.influx;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.airindex.io.SecretRef;

/**
 * Where and how to write to InfluxDB, for either a 1.x server (database and retention policy) or a 2.x
 * server (org and bucket).
 *
 * <p>Serializable because it is shipped inside the Flink job graph; that is why credentials are only
 * {@link SecretRef references} resolved by {@link #resolveAuth()} on the task that connects.
 */
public final class InfluxSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which HTTP API the server speaks. */
    public enum Api { V1, V2 }

    private final String url;
    private final Api api;
    private final String org;
    private final String bucket;
    private final String database;
    private final String retentionPolicy;
    private final SecretRef token;
    private final SecretRef username;
    private final SecretRef password;
    private final int batchSize;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final String truststore;
    private final Duration flushInterval;

    /** Lines per write request: InfluxData's "optimal batch size" (docs.influxdata.com, Optimize writes). */
    public static final int DEFAULT_BATCH_SIZE = 5000;
    /** The longest a line waits in the sink's buffer by default. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(200);

    private InfluxSettings(Builder b) {
        this.url = b.url;
        this.api = b.api;
        this.org = b.org;
        this.bucket = b.bucket;
        this.database = b.database;
        this.retentionPolicy = b.retentionPolicy;
        this.token = b.token;
        this.username = b.username;
        this.password = b.password;
        this.batchSize = b.batchSize;
        this.maxRetries = b.maxRetries;
        this.retryBackoff = b.retryBackoff;
        this.truststore = b.truststore;
        this.flushInterval = b.flushInterval;
    }

    /** A 1.x server; the retention policy defaults to the database's default one. */
    public static Builder v1(String url, String database) {
        Builder b = new Builder(url, Api.V1);
        b.database = requireText(database, "database");
        return b;
    }

    /** A 2.x server; it also needs {@link Builder#token(SecretRef)}. */
    public static Builder v2(String url, String org, String bucket) {
        Builder b = new Builder(url, Api.V2);
        b.org = requireText(org, "org");
        b.bucket = requireText(bucket, "bucket");
        return b;
    }

    /**
     * Reads the credentials now. A missing environment variable or file fails here, on the task, with a
     * message naming it, instead of as an opaque 401 later.
     */
    public InfluxAuth resolveAuth() {
        if (api == Api.V2) {
            return InfluxAuth.token(token.resolve());
        }
        if (username == null) {
            return InfluxAuth.none();
        }
        return InfluxAuth.basic(username.resolve(), password.resolve());
    }

    /**
     * For an https server whose certificate a public authority did not sign: the certificates to trust, read
     * from the PEM file where the connection is made; empty for the JDK's own trust.
     */
    public Optional<Tls> tls() {
        return Optional.ofNullable(truststore).map(path -> Tls.trusting(java.nio.file.Path.of(path)));
    }

    /** Which credentials these are, by where they come from, for messages; never their values. */
    public String credentials() {
        if (api == Api.V2) {
            return "the token in " + token;
        }
        return username == null ? "no credentials (influx.username_env is empty)"
                : "the user in " + username + " and the password in " + password;
    }

    public String url() {
        return url;
    }

    public Api api() {
        return api;
    }

    /** 2.x organisation; null for 1.x. */
    public String org() {
        return org;
    }

    /** 2.x bucket; null for 1.x. */
    public String bucket() {
        return bucket;
    }

    /** 1.x database; null for 2.x. */
    public String database() {
        return database;
    }

    /** 1.x retention policy, empty for the database default. */
    public Optional<String> retentionPolicy() {
        return Optional.ofNullable(retentionPolicy);
    }

    /** Lines per HTTP request. */
    public int batchSize() {
        return batchSize;
    }

    /** Further attempts after the first failed one. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The longest a line waits in the sink's buffer before it is written. */
    public Duration flushInterval() {
        return flushInterval;
    }

    /** Wait before the first retry; each later retry waits twice as long as the one before. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** Shows where the secrets come from, never their values. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("InfluxSettings[").append(api).append(' ').append(url);
        if (api == Api.V1) {
            s.append(" database=").append(database);
            if (retentionPolicy != null) {
                s.append(" rp=").append(retentionPolicy);
            }
            if (username != null) {
                s.append(" username=").append(username).append(" password=").append(password);
            }
        } else {
            s.append(" org=").append(org).append(" bucket=").append(bucket).append(" token=").append(token);
        }
        if (truststore != null) {
            s.append(" truststore=").append(truststore);
        }
        return s.append(" batchSize=").append(batchSize)
                .append(" maxRetries=").append(maxRetries)
                .append(" retryBackoff=").append(retryBackoff)
                .append(" flushInterval=").append(flushInterval)
                .append(']').toString();
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** Builds {@link InfluxSettings}; start with {@link #v1} or {@link #v2}. */
    public static final class Builder {
        private final String url;
        private final Api api;
        private String org;
        private String bucket;
        private String database;
        private String retentionPolicy;
        private SecretRef token;
        private SecretRef username;
        private SecretRef password;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int maxRetries = 5;
        private Duration retryBackoff = Duration.ofMillis(500);
        private String truststore;
        private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;

        private Builder(String url, Api api) {
            String trimmed = requireText(url, "url");
            this.url = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            this.api = api;
        }

        /** 1.x only. */
        public Builder retentionPolicy(String rp) {
            requireApi(Api.V1, "retentionPolicy");
            this.retentionPolicy = requireText(rp, "retentionPolicy");
            return this;
        }

        /** 2.x API token. */
        public Builder token(SecretRef tokenRef) {
            requireApi(Api.V2, "token");
            this.token = Objects.requireNonNull(tokenRef, "token");
            return this;
        }

        /** 1.x user, for servers with {@code auth-enabled = true}. */
        public Builder credentials(SecretRef usernameRef, SecretRef passwordRef) {
            requireApi(Api.V1, "credentials");
            this.username = Objects.requireNonNull(usernameRef, "username");
            this.password = Objects.requireNonNull(passwordRef, "password");
            return this;
        }

        /** A PEM file of the certificates an https server may present (a private CA or a self-signed one). */
        public Builder truststore(String pemPath) {
            this.truststore = requireText(pemPath, "truststore");
            return this;
        }

        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        public Builder maxRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, got " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        public Builder flushInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("flushInterval must be positive, got " + interval);
            }
            this.flushInterval = interval;
            return this;
        }

        public Builder retryBackoff(Duration initial) {
            if (initial.isNegative()) {
                throw new IllegalArgumentException("retryBackoff must not be negative, got " + initial);
            }
            this.retryBackoff = initial;
            return this;
        }

        public InfluxSettings build() {
            if (api == Api.V2 && token == null) {
                throw new IllegalArgumentException("InfluxDB 2.x needs a token reference");
            }
            return new InfluxSettings(this);
        }

        private void requireApi(Api expected, String option) {
            if (api != expected) {
                throw new IllegalArgumentException(option + " applies to InfluxDB " + expected + " only");
            }
        }
    }
}
