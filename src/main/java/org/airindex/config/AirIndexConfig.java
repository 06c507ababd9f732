package org.airindex.config;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.airindex.domain.NamedPeriod;
import org.airindex.io.influx.InfluxSettings;

/**
 * The whole configuration of a job, as read from {@code conf/airindex.yaml} and overridden by
 * environment variables and flags (see {@link ConfigLoader}). Field names follow the YAML keys.
 */
public class AirIndexConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The folder that relative paths in the configuration (files and checkpoint folders) are resolved
     * against; empty: the working directory. A cluster process's working directory is the Flink
     * installation's, so a deployment sets this (AIRINDEX_BASE_DIR) to where it put conf/.
     */
    public String baseDir = "";
    public String timezone = "Asia/Shanghai";
    public String stations = "conf/stations.csv";
    public String standards = "conf/standards";
    public String rules = "auto";
    /** Alert rules; the jar's copy when the file is absent. */
    public String alerts = "conf/alerts.yaml";
    public Kafka kafka = new Kafka();
    public Influx influx = new Influx();
    public EventTime eventTime = new EventTime();
    public Checkpointing checkpointing = new Checkpointing();
    public Places places = new Places();
    public Province province = new Province();
    public Reports reports = new Reports();
    public National national = new National();
    /** Named assessment periods, computed like months besides them and the year to date. */
    public List<AssessmentPeriod> periods = List.of(AssessmentPeriod.of("autumn-winter", "10-01", "03-31"));
    /**
     * What "now" is for the plausibility of a reading's time (event_time.max_ahead): the system clock;
     * tests that replay days ahead of the machine's date set their own. Not a YAML key.
     */
    @JsonIgnore
    public Clock processingClock = Clock.systemUTC();

    /**
     * Whether a file key names a file. Empty (or {@code none}) means the jar's copy, or no baselines; a named
     * file must exist (checked at start by {@link ConfigLoader#requireFiles}), never silently replaced.
     */
    public static boolean names(String path) {
        return path != null && !path.isBlank() && !path.strip().equals("none");
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public static class Kafka implements Serializable {
        private static final long serialVersionUID = 1L;
        public String bootstrap = "localhost:9092";
        public String group = "airindex";
        public String readingsTopic = "air.readings";
        public String deadLetterTopic = "air.readings.dlq";
        /**
         * A dead letter carries its record whole up to this many UTF-8 bytes, then cut with its size noted,
         * so that one megabyte string cannot exceed the producer's max.request.size and fail the sink.
         */
        public int deadLetterMaxRecordBytes = 65_536;
        public String alertsTopic = "air.alerts";
        /** Kafka transactional ids of the exactly-once alert sink start with this; unique per job. */
        public String alertsTransactionalIdPrefix = "airindex-alerts";
        /**
         * At most the broker's transaction.max.timeout.ms (15 min when left at its default), and longer
         * than a checkpoint may take, or a slow checkpoint's transaction is aborted by the broker.
         */
        public Duration alertsTransactionTimeout = Duration.ofMinutes(15);
        public String startingOffsets = "committed";
        public Map<String, String> properties = new LinkedHashMap<>();
        public String propertiesFile = "";
    }

    public static class Influx implements Serializable {
        private static final long serialVersionUID = 1L;
        public String api = "v1";
        public String url = "http://localhost:8086";
        public String database = "airindex";
        public String retentionPolicy = "";
        public String org = "airindex";
        public String bucket = "airindex";
        /**
         * Where the job's Flink metrics go (operations), apart from the results, so that analysts browsing the
         * results see results only: a 1.x database, or with {@code api: v2} a bucket of this name.
         */
        public String metricsDatabase = "airindex_metrics";
        public String tokenEnv = "INFLUX_TOKEN";
        public String tokenFile = "";
        /**
         * A 1.x server with {@code auth-enabled}: the environment variable holding the user; empty for a
         * server without authentication. Named here, not guessed from the environment where the job graph
         * is built (which may not be where the job writes), so that missing credentials fail on the task.
         */
        public String usernameEnv = "";
        public String passwordEnv = "INFLUX_PASSWORD";
        /**
         * https to a server whose certificate a public authority did not sign: a PEM file of the certificates
         * to trust (a private CA, or the server's self-signed one); empty for the JDK's trust.
         */
        public String truststore = "";
        public int batchSize = InfluxSettings.DEFAULT_BATCH_SIZE;
        public int maxRetries = 5;
        public Duration retryBackoff = Duration.ofMillis(500);
        /** The longest a point waits in the sink's buffer: results reach InfluxDB this soon when little arrives. */
        public Duration flushInterval = InfluxSettings.DEFAULT_FLUSH_INTERVAL;
    }

    public static class EventTime implements Serializable {
        private static final long serialVersionUID = 1L;
        public Duration maxOutOfOrderness = Duration.ofMinutes(10);
        public Duration idleness = Duration.ofMinutes(5);
        public Duration allowedLateness = Duration.ofHours(6);
        /** A reading dated before this day (UTC) is a dead letter (bad_timestamp): a reset device clock. */
        public LocalDate earliest = LocalDate.of(2000, 1, 1);
        /** A reading dated more than this ahead of the processing clock is a dead letter (bad_timestamp). */
        public Duration maxAhead = Duration.ofHours(1);
    }

    public static class Checkpointing implements Serializable {
        private static final long serialVersionUID = 1L;
        public Duration interval = Duration.ofSeconds(30);
        public Duration minPause = Duration.ofSeconds(5);
        public Duration timeout = Duration.ofMinutes(5);
        /**
         * Where checkpoints are written (a path, or a file:, s3:, hdfs: URI the cluster can reach), kept
         * when the job is cancelled or fails, so a restarted job can resume from the last one. Empty:
         * in the JobManager's memory, lost with its process (tests).
         */
        public String dir = "";
        /** Where {@code airindex stop} (and Flink's REST stop without a target) writes savepoints. */
        public String savepointDir = "";
        /**
         * {@code hashmap}: state on the heap, fastest while it fits; {@code rocksdb}: state on local disk
         * with incremental checkpoints, for more stations and history than the heap holds.
         */
        public String stateBackend = "hashmap";
        /**
         * The port of the REST API of the local Flink cluster that {@code run} starts in its own JVM
         * ({@code airindex stop}, Flink's REST calls); 0 picks a free one. A cluster has its own.
         */
        public int restPort = 8081;
    }

    public static class Province implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The places the province compares and ranks: county or city. */
        public String assessed = "county";
        /** Reward and penalty scheme; the jar's default scheme when the file is absent. */
        public String scheme = "conf/schemes/default.yaml";
        /** Last year's values: a CSV file or a folder of them; none when absent. */
        public String baselines = "conf/baselines";
        /** What-if cuts, µg/m³ a day of PM2.5 over a month's remaining days, computed for every place daily. */
        public List<Double> whatifCuts = List.of(5.0, 10.0, 20.0);

        public String baselinesPath() {
            return names(baselines) ? baselines : null;
        }
    }

    /** The named periods as the domain holds them; validated at load. */
    public List<NamedPeriod> namedPeriods() {
        return periods.stream().map(p -> NamedPeriod.of(p.name, p.from, p.to)).toList();
    }

    /** A named assessment period (see {@link NamedPeriod}): first and last day as MM-dd. */
    public static class AssessmentPeriod implements Serializable {
        private static final long serialVersionUID = 1L;
        public String name;
        public String from;
        public String to;

        public static AssessmentPeriod of(String name, String from, String to) {
            AssessmentPeriod p = new AssessmentPeriod();
            p.name = name;
            p.from = from;
            p.to = to;
            return p;
        }
    }

    public static class Places implements Serializable {
        private static final long serialVersionUID = 1L;
        public int minValidStations = 1;
    }

    public static class Reports implements Serializable {
        private static final long serialVersionUID = 1L;
        /**
         * TrueType fonts of the PDFs and charts, in the order a character is looked up: Debian's DejaVu Sans
         * for Latin letters and digits, then Droid Sans Fallback for Chinese (which has no Latin glyphs); every
         * one is embedded in the PDFs.
         */
        public List<String> fonts = List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    }

    public static class National implements Serializable {
        private static final long serialVersionUID = 1L;
        /**
         * The published national ranking of key cities (CSV: period,city,composite,rank, see NationalTable);
         * empty: no national estimates.
         */
        public String table = "";
        /** The national bottom lists a city wants out of (大气退后十: the bottom 10), with their exits. */
        public List<Integer> bottomN = List.of(10, 20);
    }
}
