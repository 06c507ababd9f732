package org.airindex.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.StationRegistry;
import org.airindex.io.SecretRef;
import org.airindex.io.influx.InfluxSettings;
import org.airindex.io.influx.InfluxSink;
import org.airindex.io.json.TimeBounds;
import org.airindex.io.kafka.KafkaIo;
import org.airindex.io.kafka.KafkaRejectedLines;
import org.airindex.io.metrics.InfluxMetricReporterFactory;

/** Builds the production job (Kafka in, InfluxDB, the Kafka dead letters and alerts out) from configuration. */
public final class ProductionIo {
    private ProductionIo() {}

    /**
     * @param untilLatest read the topic up to the offsets that are latest at start, then finish
     *     (local runs and backfills) instead of running forever
     */
    public static AirIndexJob job(AirIndexConfig config, boolean untilLatest) {
        return job(config, StationRegistry.load(Path.of(config.stations)), untilLatest);
    }

    public static AirIndexJob job(AirIndexConfig config, StationRegistry registry, boolean untilLatest) {
        return new AirIndexJob(config, registry, KafkaIo.readings(config.kafka, TimeBounds.of(config), untilLatest),
                new InfluxOutputs(new InfluxSink(influx(config.influx), new KafkaRejectedLines(config.kafka)), KafkaIo.deadLetters(config.kafka),
                        KafkaIo.alerts(config.kafka)));
    }

    /** Secrets are referenced by environment variable or file name and only read on the task. */
    public static InfluxSettings influx(AirIndexConfig.Influx c) {
        InfluxSettings.Builder b;
        if (c.api.equals("v2")) {
            b = InfluxSettings.v2(c.url, c.org, c.bucket).token(c.tokenFile == null || c.tokenFile.isBlank()
                    ? SecretRef.env(c.tokenEnv) : SecretRef.file(Path.of(c.tokenFile)));
        } else {
            b = InfluxSettings.v1(c.url, c.database);
            // Decided by the configuration alone: the environment where the graph is built may not hold the secret.
            if (AirIndexConfig.names(c.usernameEnv)) {
                b.credentials(SecretRef.env(c.usernameEnv), SecretRef.env(c.passwordEnv));
            }
        }
        if (AirIndexConfig.names(c.truststore)) {
            b.truststore(c.truststore.strip());
        }
        if (c.retentionPolicy != null && !c.retentionPolicy.isBlank()) {
            b.retentionPolicy(c.retentionPolicy);
        }
        return b.batchSize(c.batchSize).maxRetries(c.maxRetries).retryBackoff(c.retryBackoff)
                .flushInterval(c.flushInterval).build();
    }

    /**
     * Flink configuration that reports the job's metrics to the results' InfluxDB server, in a database (or
     * bucket) of their own: the operations dashboard reads them there, and some 300 metric measurements do
     * not crowd the results. On a cluster the same keys go into Flink's config.yaml.
     */
    public static Configuration metricsToInflux(AirIndexConfig.Influx influx, Duration interval) {
        Configuration conf = new Configuration();
        String prefix = "metrics.reporter.airindex.";
        conf.setString(prefix + "factory.class", InfluxMetricReporterFactory.class.getName());
        conf.setString(prefix + "interval", interval.toMillis() + " ms");
        conf.setString(prefix + "api", influx.api);
        conf.setString(prefix + "url", influx.url);
        conf.setString(prefix + "database", influx.metricsDatabase);
        conf.setString(prefix + "org", influx.org);
        conf.setString(prefix + "bucket", influx.metricsDatabase);
        conf.setString(prefix + "token_env", influx.tokenEnv);
        conf.setString(prefix + "username_env", influx.usernameEnv);
        conf.setString(prefix + "password_env", influx.passwordEnv);
        conf.setString(prefix + "truststore", influx.truststore);
        return conf;
    }

    /**
     * Flink configuration that keeps the job's state beyond its process: the state backend; checkpoints
     * under {@code checkpointing.dir}, retained when the job is cancelled or fails; savepoints under
     * {@code checkpointing.savepoint_dir}; and the savepoint or retained checkpoint to start from (null: a
     * fresh start from the configured offsets). A local folder to start from must exist: Flink would only
     * say so once the job is submitted.
     */
    public static Configuration durableState(AirIndexConfig.Checkpointing c, String fromSavepoint) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, c.stateBackend);
        if (c.stateBackend.equals("rocksdb")) {
            // Only what changed since the last checkpoint is uploaded: a year of history is not copied every 30 s.
            conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        }
        if (AirIndexConfig.names(c.savepointDir)) {
            conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, location(c.savepointDir.strip()));
        }
        if (AirIndexConfig.names(c.dir)) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, location(c.dir.strip()));
            conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        if (fromSavepoint != null) {
            if (!isUri(fromSavepoint) && !Files.isDirectory(Path.of(fromSavepoint))) {
                throw new IllegalArgumentException("--from-savepoint: no savepoint or checkpoint folder at "
                        + Path.of(fromSavepoint).toAbsolutePath());
            }
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, location(fromSavepoint));
        }
        return conf;
    }

    /** A file system URI (file:, s3:, hdfs:) as it is; a local path made absolute, as the cluster needs it. */
    public static String location(String pathOrUri) {
        return isUri(pathOrUri) ? pathOrUri : Path.of(pathOrUri).toAbsolutePath().toUri().toString();
    }

    private static boolean isUri(String pathOrUri) {
        return pathOrUri.contains(":/");
    }

    /** Checkpoints are what make the sinks flush and the Kafka offsets commit: always on. */
    public static void configureCheckpointing(StreamExecutionEnvironment env, AirIndexConfig.Checkpointing c) {
        env.enableCheckpointing(c.interval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(c.minPause.toMillis());
        env.getCheckpointConfig().setCheckpointTimeout(c.timeout.toMillis());
    }
}
