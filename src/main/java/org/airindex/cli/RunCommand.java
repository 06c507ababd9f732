package org.airindex.cli;

import java.io.PrintStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.config.AirIndexConfig;
import org.airindex.io.influx.InfluxWriter;
import org.airindex.jobs.ProductionIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: the streaming job from Kafka to InfluxDB, resuming from a savepoint or retained checkpoint
 * when given one. Submitted with {@code flink run} it runs on the cluster; with {@code java -jar} on a local
 * Flink cluster.
 */
@Command(name = "run", description = "Run the streaming job (Kafka readings -> InfluxDB) on a Flink cluster inside "
        + "this JVM.")
final class RunCommand extends Subcommand {
    private final boolean ownCluster;

    @Mixin
    private ConfigOption configOption;

    @Option(names = "--until-latest", description = "stop at the end the topic has when the job starts, instead of "
            + "running on")
    private boolean untilLatest;

    @Option(names = "--from-savepoint", paramLabel = "PATH", description = {"resume from a savepoint or a retained "
            + "checkpoint (under checkpointing.dir)", "  Default: start with empty state"})
    private String fromSavepoint;

    /**
     * @param ownCluster the job runs on a Flink cluster inside this JVM ({@code java -jar}), so this JVM's
     *     environment is the sinks' and their InfluxDB access is checked before the job starts; false where
     *     the job is submitted to a cluster whose TaskManagers read their own secrets ({@link ClusterMain})
     */
    RunCommand(boolean ownCluster, PrintStream out, PrintStream err) {
        super(out, err);
        this.ownCluster = ownCluster;
    }

    @Override
    public Integer call() {
        AirIndexConfig config;
        Configuration flink;
        try {
            config = configOption.load();
            // Reporter keys act where this JVM is the cluster (java -jar); a cluster takes them from its config.yaml.
            flink = ProductionIo.metricsToInflux(config.influx, java.time.Duration.ofSeconds(30));
            flink.addAll(ProductionIo.durableState(config.checkpointing, fromSavepoint));
            // Where airindex stop (or curl .../jobs/<id>/stop) finds the local cluster of this JVM.
            flink.set(RestOptions.BIND_PORT, Integer.toString(config.checkpointing.restPort));
            if (ownCluster) {
                try (InfluxWriter influx = new InfluxWriter(ProductionIo.influx(config.influx))) {
                    influx.checkAccess();
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("run: " + e.getMessage());
            return USAGE;
        }
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
            ProductionIo.configureCheckpointing(env, config.checkpointing);
            ProductionIo.job(config, untilLatest).build(env);
            env.execute("airindex");
            return 0;
        } catch (Exception e) {
            err.println("run: the job failed: " + e);
            e.printStackTrace(err);
            return 3;
        }
    }
}
