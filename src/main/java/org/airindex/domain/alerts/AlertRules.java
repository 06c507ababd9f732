package org.airindex.domain.alerts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.airindex.domain.Pollutant;
import org.airindex.domain.StandardsFormatException;

/**
 * The alert rules of {@code conf/alerts.yaml} (the file documents every key). Field names follow
 * the YAML keys; an unknown key is an error, so a misspelt threshold cannot be silently ignored.
 */
public class AlertRules implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS);

    public Episodes episodes = new Episodes();
    public List<HourlyThreshold> hourlyThresholds = new ArrayList<>();
    public Stations stations = new Stations();
    public Targets targets = new Targets();

    public static AlertRules load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new StandardsFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The copy of {@code conf/alerts.yaml} inside the jar. */
    public static AlertRules fromClasspath() {
        try (InputStream in = AlertRules.class.getClassLoader().getResourceAsStream("alerts.yaml")) {
            if (in == null) {
                throw new StandardsFormatException("classpath resource not found: alerts.yaml");
            }
            return read(in, "alerts.yaml");
        } catch (IOException e) {
            throw new StandardsFormatException("cannot read alerts.yaml: " + e.getMessage(), e);
        }
    }

    /** The file named (it must exist), or the jar's copy when none is named. */
    public static AlertRules loadOrDefault(String path) {
        return path != null && !path.isBlank() ? load(Path.of(path)) : fromClasspath();
    }

    private static AlertRules read(InputStream in, String source) throws IOException {
        AlertRules r = MAPPER.readValue(in, AlertRules.class);
        try {
            r.check();
        } catch (IllegalArgumentException e) {
            throw new StandardsFormatException(source + ": " + e.getMessage());
        }
        return r;
    }

    void check() {
        for (int i = 0; i < episodes.levels.size(); i++) {
            if (episodes.levels.get(i).anyOf.isEmpty()) {
                throw new IllegalArgumentException("episodes.levels[" + i + "] has no any_of");
            }
        }
        for (HourlyThreshold t : hourlyThresholds) {
            positive("hourly_thresholds." + t.name + ".hours", t.hours);
        }
        positive("stations.silent.hours", stations.silent.hours);
        positive("stations.flat_line.hours", stations.flatLine.hours);
        positive("stations.pm25_above_pm10.hours", stations.pm25AbovePm10.hours);
        positive("stations.instrument_cap.hours", stations.instrumentCap.hours);
        if (stations.jump.ratio <= 1) {
            throw new IllegalArgumentException("stations.jump.ratio must be above 1: " + stations.jump.ratio);
        }
        positive("stations.jump.min_other_stations", stations.jump.minOtherStations);
    }

    private static void positive(String key, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(key + " must be at least 1: " + v);
        }
    }

    /** A run of the rolling 24-hour AQI above a value for at least a number of hours. */
    public static class Run implements Serializable {
        private static final long serialVersionUID = 1L;
        public int aqiAbove;
        public int hours;
    }

    public static class EpisodeLevel implements Serializable {
        private static final long serialVersionUID = 1L;
        public String name;
        /** Name in Chinese messages (黄色); the name itself when absent. */
        public String nameZh;
        /** Alternatives; each holds when all its runs hold. */
        public List<List<Run>> anyOf = new ArrayList<>();
    }

    public static class Episodes implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled;
        public List<String> places = new ArrayList<>();
        public List<EpisodeLevel> levels = new ArrayList<>();
        public Duration clearFor = Duration.ZERO;

        /** The longest run any level needs, in hours: how far back rolling AQIs are needed. */
        public int longestRun() {
            int max = 1;
            for (EpisodeLevel l : levels) {
                for (List<Run> alt : l.anyOf) {
                    for (Run r : alt) {
                        max = Math.max(max, r.hours);
                    }
                }
            }
            return max;
        }
    }

    public static class HourlyThreshold implements Serializable {
        private static final long serialVersionUID = 1L;
        public String name;
        public boolean enabled;
        public List<String> places = new ArrayList<>();
        public int aqiAbove;
        public int hours;
        public Duration clearFor = Duration.ZERO;
    }

    public static class Stations implements Serializable {
        private static final long serialVersionUID = 1L;
        public Silent silent = new Silent();
        public FlatLine flatLine = new FlatLine();
        public Pm25AbovePm10 pm25AbovePm10 = new Pm25AbovePm10();
        public InstrumentCap instrumentCap = new InstrumentCap();
        public Jump jump = new Jump();
    }

    public static class Silent implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled;
        public int hours;
        public Duration clearFor = Duration.ZERO;
    }

    public static class FlatLine implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled;
        public int hours;
        public List<Pollutant> pollutants = new ArrayList<>();
        /** Below this a repeated value is not judged (absent = 0: every value is). */
        public Map<Pollutant, Double> minValue = new LinkedHashMap<>();
        public Duration clearFor = Duration.ZERO;

        public void setPollutants(List<String> codes) {
            pollutants = codes.stream().map(Pollutant::fromCode).toList();
        }

        public void setMinValue(Map<String, Double> byCode) {
            minValue = byCode(byCode);
        }
    }

    public static class Pm25AbovePm10 implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled;
        public int hours;
        public Duration clearFor = Duration.ZERO;
    }

    public static class InstrumentCap implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled;
        public int hours;
        public Map<Pollutant, Double> caps = new LinkedHashMap<>();
        public Duration clearFor = Duration.ZERO;

        public void setCaps(Map<String, Double> byCode) {
            caps = byCode(byCode);
        }
    }

    public static class Jump implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled;
        public double ratio;
        public Map<Pollutant, Double> minDifference = new LinkedHashMap<>();
        public int minOtherStations;
        public Duration clearFor = Duration.ZERO;

        public void setMinDifference(Map<String, Double> byCode) {
            minDifference = byCode(byCode);
        }
    }

    public static class Targets implements Serializable {
        private static final long serialVersionUID = 1L;
        public FineRisk fineRisk = new FineRisk();
        public BottomN bottomN = new BottomN();
    }

    public static class FineRisk implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled;
        /** {@code composite} and/or {@code pm25}. */
        public List<String> indicators = new ArrayList<>();
        public Duration clearFor = Duration.ZERO;
    }

    public static class BottomN implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled;
        /** Ranking metrics, e.g. {@code composite}, {@code pm25}. */
        public List<String> metrics = new ArrayList<>();
        public Duration clearFor = Duration.ZERO;
    }

    private static Map<Pollutant, Double> byCode(Map<String, Double> byCode) {
        Map<Pollutant, Double> out = new LinkedHashMap<>();
        byCode.forEach((k, v) -> out.put(Pollutant.fromCode(k), v));
        return out;
    }
}
