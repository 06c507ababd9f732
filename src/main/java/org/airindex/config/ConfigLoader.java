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
import java.time.ZoneId;
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

    static void validate(AirIndexConfig c) {
        try {
            ZoneId.of(c.timezone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("timezone: unknown zone '" + c.timezone + "'");
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
        if (c.eventTime.maxOutOfOrderness.isNegative() || c.eventTime.allowedLateness.isNegative()) {
            throw new IllegalArgumentException("event_time durations must not be negative");
        }
    }
}
