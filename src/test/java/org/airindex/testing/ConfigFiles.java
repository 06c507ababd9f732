package org.airindex.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;

/** A configuration built in a test, written as the YAML file a job launcher such as jobs/flink-run.sh reads. */
public final class ConfigFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private ConfigFiles() {
    }

    /**
     * Writes {@code config} to {@code file} and reads it back, failing unless every key survives the trip
     * (the processing clock, not a key, is left behind).
     */
    public static Path write(AirIndexConfig config, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        String yaml = YAML.writeValueAsString(config);
        Files.writeString(file, yaml);
        String back = YAML.writeValueAsString(ConfigLoader.load(file, name -> null));
        if (!back.equals(yaml)) {
            throw new AssertionError("the configuration did not survive YAML:\n" + yaml + "\nread back as\n" + back);
        }
        return file;
    }
}
