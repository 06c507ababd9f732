package org.airindex.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    static AirIndexConfig load(Path file, Function<String, String> env) {
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
        return config;
    }

    /** Deployment-specific addresses are commonly injected by the environment (Kubernetes, CI). */
    static void applyEnvironment(AirIndexConfig c, Function<String, String> env) {
        Map.<String, java.util.function.Consumer<String>>of(
                        "AIRINDEX_KAFKA_BOOTSTRAP", v -> c.kafka.bootstrap = v,
                        "AIRINDEX_KAFKA_PROPERTIES_FILE", v -> c.kafka.propertiesFile = v,
                        "AIRINDEX_INFLUX_URL", v -> c.influx.url = v,
                        "AIRINDEX_INFLUX_API", v -> c.influx.api = v,
                        "AIRINDEX_INFLUX_DATABASE", v -> c.influx.database = v,
                        "AIRINDEX_STATIONS", v -> c.stations = v,
                        "AIRINDEX_TIMEZONE", v -> c.timezone = v)
                .forEach((name, setter) -> {
                    String value = env.apply(name);
                    if (value != null && !value.isBlank()) {
                        setter.accept(value.trim());
                    }
                });
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
        Map<String, String> named = new LinkedHashMap<>();
        named.put("stations", c.stations);
        named.put("standards", c.standards);
        named.put("alerts", c.alerts);
        named.put("province.scheme", c.province.scheme);
        named.put("province.baselines", c.province.baselines);
        named.put("kafka.properties_file", c.kafka.propertiesFile);
        for (Map.Entry<String, String> e : named.entrySet()) {
            if (AirIndexConfig.names(e.getValue()) && !Files.isReadable(Path.of(e.getValue().strip()))) {
                throw new IllegalArgumentException(e.getKey() + ": no readable file or folder at "
                        + Path.of(e.getValue().strip()).toAbsolutePath() + " (leave it empty for the jar's copy)");
            }
        }
    }

    static void validate(AirIndexConfig c) {
        ZoneId zone;
        try {
            zone = ZoneId.of(c.timezone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("timezone: unknown zone '" + c.timezone + "'");
        }
        if (c.eventTime.earliest != null) {
            requireWholeHours(zone, c.eventTime.earliest.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (!c.influx.api.equals("v1") && !c.influx.api.equals("v2")) {
            throw new IllegalArgumentException("influx.api must be v1 or v2, not '" + c.influx.api + "'");
        }
        if (!java.util.Set.of("committed", "earliest", "latest").contains(c.kafka.startingOffsets)) {
            throw new IllegalArgumentException(
                    "kafka.starting_offsets must be committed, earliest or latest, not '" + c.kafka.startingOffsets + "'");
        }
        if (!c.province.assessed.equals("county") && !c.province.assessed.equals("city")) {
            throw new IllegalArgumentException("province.assessed must be county or city, not '" + c.province.assessed + "'");
        }
        if (c.places.minValidStations < 1) {
            throw new IllegalArgumentException("places.min_valid_stations must be at least 1");
        }
        if (c.influx.batchSize < 1 || c.influx.maxRetries < 0) {
            throw new IllegalArgumentException("influx.batch_size must be >= 1 and influx.max_retries >= 0");
        }
        if (c.eventTime.maxOutOfOrderness.isNegative() || c.eventTime.allowedLateness.isNegative()
                || c.eventTime.maxAhead == null || c.eventTime.maxAhead.isNegative()) {
            throw new IllegalArgumentException("event_time durations must not be negative");
        }
        if (c.kafka.deadLetterMaxRecordBytes < 1024) {
            throw new IllegalArgumentException("kafka.dead_letter_max_record_bytes must be at least 1024");
        }
        if (c.eventTime.earliest == null) {
            throw new IllegalArgumentException("event_time.earliest must be a date, e.g. 2000-01-01");
        }
    }
}
