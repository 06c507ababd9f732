package org.airindex.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.airindex.domain.NamedPeriod;

/**
 * Reads {@link AirIndexConfig} from YAML, then applies environment overrides, then validates, so a
 * job fails at start-up with a message that names the bad key rather than hours later.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ConfigLoader() {}

    /**
     * The configuration of a command: {@code --config} must name a readable file; without the flag,
     * conf/airindex.yaml when there is one, else the defaults (and the environment either way).
     */
    public static AirIndexConfig forCommand(String named) {
        if (named != null && !Files.isReadable(Path.of(named))) {
            throw new IllegalArgumentException("--config: no readable file at " + Path.of(named).toAbsolutePath());
        }
        return load(Path.of(named == null ? "conf/airindex.yaml" : named));
    }

    public static AirIndexConfig load(Path file) {
        return load(file, System::getenv);
    }

    public static AirIndexConfig load(Path file, Function<String, String> env) {
        AirIndexConfig config;
        try {
            config = Files.exists(file)
                    ? YAML.readValue(file.toFile(), AirIndexConfig.class)
                    : new AirIndexConfig();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
        applyEnvironment(config, env);
        validate(config);
        resolvePaths(config);
        return config;
    }

    /** Deployment-specific addresses are commonly injected by the environment (Kubernetes, CI). */
    static void applyEnvironment(AirIndexConfig c, Function<String, String> env) {
        ENVIRONMENT.forEach((name, setter) -> {
            String value = env.apply(name);
            if (value != null && !value.isBlank()) {
                setter.accept(c, value.trim());
            }
        });
    }

    /**
     * The variables that override a key, by name: what a deployment descriptor may set (a test checks that
     * every one the Kubernetes descriptor sets is on every pod).
     */
    public static final Map<String, BiConsumer<AirIndexConfig, String>> ENVIRONMENT = Map.ofEntries(
            Map.entry("AIRINDEX_BASE_DIR", (c, v) -> c.baseDir = v),
            Map.entry("AIRINDEX_KAFKA_BOOTSTRAP", (c, v) -> c.kafka.bootstrap = v),
            Map.entry("AIRINDEX_KAFKA_PROPERTIES_FILE", (c, v) -> c.kafka.propertiesFile = v),
            Map.entry("AIRINDEX_INFLUX_URL", (c, v) -> c.influx.url = v),
            Map.entry("AIRINDEX_INFLUX_API", (c, v) -> c.influx.api = v),
            Map.entry("AIRINDEX_INFLUX_DATABASE", (c, v) -> c.influx.database = v),
            Map.entry("AIRINDEX_STATIONS", (c, v) -> c.stations = v),
            Map.entry("AIRINDEX_TIMEZONE", (c, v) -> c.timezone = v),
            Map.entry("AIRINDEX_CHECKPOINTING_DIR", (c, v) -> c.checkpointing.dir = v),
            Map.entry("AIRINDEX_SAVEPOINT_DIR", (c, v) -> c.checkpointing.savepointDir = v),
            Map.entry("AIRINDEX_STATE_BACKEND", (c, v) -> c.checkpointing.stateBackend = v));

    /**
     * Makes every relative file and folder the configuration names absolute against {@code base_dir}:
     * the job graph carries them to processes whose working directory is not the operator's.
     */
    static void resolvePaths(AirIndexConfig c) {
        if (!AirIndexConfig.names(c.baseDir)) {
            return;
        }
        Path base = Path.of(c.baseDir.strip());
        UnaryOperator<String> r = v -> !AirIndexConfig.names(v) || v.contains(":/") ? v
                : base.resolve(v.strip()).toString();
        c.stations = r.apply(c.stations);
        c.standards = r.apply(c.standards);
        c.alerts = r.apply(c.alerts);
        c.province.scheme = r.apply(c.province.scheme);
        c.province.baselines = r.apply(c.province.baselines);
        c.kafka.propertiesFile = r.apply(c.kafka.propertiesFile);
        c.influx.tokenFile = r.apply(c.influx.tokenFile);
        c.influx.truststore = r.apply(c.influx.truststore);
        c.checkpointing.dir = r.apply(c.checkpointing.dir);
        c.checkpointing.savepointDir = r.apply(c.checkpointing.savepointDir);
        c.reports.fonts = c.reports.fonts.stream().map(r).toList();
        c.national.table = r.apply(c.national.table);
    }

    /**
     * Hours are end-labelled on the local clock's hour, and a day is its 24 hours: a zone whose offset is
     * not whole hours (Asia/Kolkata +05:30) at any time from {@code from} on would put every hour across two.
     */
    private static void requireWholeHours(ZoneId zone, Instant from) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = new ArrayList<>(List.of(rules.getOffset(from)));
        rules.getTransitions().stream().filter(t -> t.getInstant().isAfter(from))
                .forEach(t -> offsets.add(t.getOffsetAfter()));
        rules.getTransitionRules().forEach(r -> offsets.add(r.getOffsetAfter()));
        for (ZoneOffset o : offsets) {
            if (o.getTotalSeconds() % 3600 != 0) {
                throw new IllegalArgumentException("timezone: " + zone + " has the offset " + o
                        + "; airindex needs whole-hour offsets (its hours end on the local hour)");
            }
        }
    }

    /**
     * Every file the configuration names exists: a missing scheme, rule table, alert file, baseline or
     * registry stops the job at start with its key and path, instead of money settled on a default.
     */
    public static void requireFiles(AirIndexConfig c) {
        for (Map.Entry<String, String> e : namedFiles(c).entrySet()) {
            if (!Files.isReadable(Path.of(e.getValue()))) {
                throw new IllegalArgumentException(e.getKey() + ": no readable file or folder at "
                        + Path.of(e.getValue().strip()).toAbsolutePath() + " (leave it empty for the jar's copy)");
            }
        }
    }

    /**
     * The files and folders read where the job graph is built, by key (a key left empty or "none" names
     * none). Not the token file or the trust store: the TaskManagers read those where they connect.
     */
    public static Map<String, String> namedFiles(AirIndexConfig c) {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("stations", c.stations);
        named.put("standards", c.standards);
        named.put("alerts", c.alerts);
        named.put("province.scheme", c.province.scheme);
        named.put("province.baselines", c.province.baselines);
        named.put("kafka.properties_file", c.kafka.propertiesFile);
        named.put("national.table", c.national.table);
        named.replaceAll((key, path) -> AirIndexConfig.names(path) ? path.strip() : null);
        named.values().removeIf(java.util.Objects::isNull);
        return named;
    }

    /** Every value is checked at start, and a bad one named by its key: a null (an empty YAML value) too. */
    static void validate(AirIndexConfig c) {
        ZoneId zone;
        try {
            zone = ZoneId.of(text("timezone", c.timezone));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timezone: unknown zone '" + c.timezone + "'");
        }
        if (c.eventTime.earliest == null) {
            throw new IllegalArgumentException("event_time.earliest must be a date, e.g. 2000-01-01");
        }
        requireWholeHours(zone, c.eventTime.earliest.atStartOfDay(ZoneOffset.UTC).toInstant());
        oneOf("influx.api", c.influx.api, "v1", "v2");
        oneOf("kafka.starting_offsets", c.kafka.startingOffsets, "committed", "earliest", "latest");
        oneOf("province.assessed", c.province.assessed, "county", "city");
        oneOf("checkpointing.state_backend", c.checkpointing.stateBackend, "hashmap", "rocksdb");
        if (c.checkpointing.restPort < 0 || c.checkpointing.restPort > 65535) {
            throw new IllegalArgumentException("checkpointing.rest_port must be a port (0 = any free one), not "
                    + c.checkpointing.restPort);
        }
        atLeast("places.min_valid_stations", c.places.minValidStations, 1);
        atLeast("influx.batch_size", c.influx.batchSize, 1);
        atLeast("influx.max_retries", c.influx.maxRetries, 0);
        atLeast("kafka.dead_letter_max_record_bytes", c.kafka.deadLetterMaxRecordBytes, 1024);
        text("kafka.bootstrap", c.kafka.bootstrap);
        text("kafka.group", c.kafka.group);
        text("kafka.alerts_transactional_id_prefix", c.kafka.alertsTransactionalIdPrefix);
        topic("kafka.readings_topic", c.kafka.readingsTopic);
        topic("kafka.dead_letter_topic", c.kafka.deadLetterTopic);
        topic("kafka.alerts_topic", c.kafka.alertsTopic);
        try {
            URI url = new URI(text("influx.url", c.influx.url));
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new URISyntaxException(c.influx.url, "not an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("influx.url: " + e.getMessage());
        }
        text(c.influx.api.equals("v1") ? "influx.database" : "influx.bucket",
                c.influx.api.equals("v1") ? c.influx.database : c.influx.bucket);
        text("influx.metrics_database", c.influx.metricsDatabase);
        if (AirIndexConfig.names(c.influx.usernameEnv)) {
            text("influx.password_env (influx.username_env is set)", c.influx.passwordEnv);
        }
        duration("influx.retry_backoff", c.influx.retryBackoff, true);
        duration("influx.flush_interval", c.influx.flushInterval, false);
        duration("event_time.max_out_of_orderness", c.eventTime.maxOutOfOrderness, true);
        duration("event_time.allowed_lateness", c.eventTime.allowedLateness, true);
        duration("event_time.max_ahead", c.eventTime.maxAhead, true);
        duration("event_time.idleness", c.eventTime.idleness, false);
        duration("checkpointing.interval", c.checkpointing.interval, false);
        duration("checkpointing.min_pause", c.checkpointing.minPause, true);
        duration("checkpointing.timeout", c.checkpointing.timeout, false);
        duration("kafka.alerts_transaction_timeout", c.kafka.alertsTransactionTimeout, false);
        Duration longestCheckpoint = c.checkpointing.interval.plus(c.checkpointing.timeout);
        if (c.kafka.alertsTransactionTimeout.compareTo(longestCheckpoint) <= 0) {
            throw new IllegalArgumentException("kafka.alerts_transaction_timeout (" + c.kafka.alertsTransactionTimeout
                    + ") must be longer than checkpointing.interval + checkpointing.timeout (" + longestCheckpoint
                    + "): alerts commit on checkpoints");
        }
        namedPeriods(c);
        if (c.checkpointing.interval.toMillis() < 10) {
            throw new IllegalArgumentException("checkpointing.interval must be at least 10 ms (Flink's minimum)");
        }
    }

    private static void namedPeriods(AirIndexConfig c) {
        if (c.periods == null) {
            throw new IllegalArgumentException("periods must be a list (empty for none)");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < c.periods.size(); i++) {
            AirIndexConfig.AssessmentPeriod p = c.periods.get(i);
            if (p == null) {
                throw new IllegalArgumentException("periods[" + i + "] is empty");
            }
            try {
                NamedPeriod.of(p.name, p.from, p.to);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("periods[" + i + "]: " + e.getMessage());
            }
            if (!names.add(p.name)) {
                throw new IllegalArgumentException("periods[" + i + "]: a second period named " + p.name);
            }
        }
    }

    private static String text(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
        return value;
    }

    private static void oneOf(String key, String value, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed) + ", not '"
                    + value + "'");
        }
    }

    private static void atLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", not " + value);
        }
    }

    private static void duration(String key, Duration d, boolean zeroAllowed) {
        if (d == null || d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new IllegalArgumentException(key + " must be a " + (zeroAllowed ? "non-negative" : "positive")
                    + " ISO-8601 duration such as PT30S, not " + d);
        }
    }

    /** Kafka's own rule for topic names: 1 to 249 of a-z, A-Z, 0-9, '.', '_' and '-', and not "." or "..". */
    private static void topic(String key, String name) {
        if (name == null || !TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(key + " must be a Kafka topic name (1 to 249 of a-z A-Z 0-9 . _ -), not '"
                    + name + "'");
        }
    }

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
}
