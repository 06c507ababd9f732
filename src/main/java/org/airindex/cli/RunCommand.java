package org.airindex.cli;

import java.io.PrintStream;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.io.influx.InfluxWriter;
import org.airindex.jobs.ProductionIo;

/**
 * {@code run [--config F] [--until-latest] [--from-savepoint PATH]}: the streaming job from Kafka to
 * InfluxDB, resuming from a savepoint or retained checkpoint when given one. Submitted with
 * {@code flink run} it runs on the cluster; with {@code java -jar} on a local Flink cluster.
 */
final class RunCommand implements Command {
    private final boolean ownCluster;

    /**
     * @param ownCluster the job runs on a Flink cluster inside this JVM ({@code java -jar}), so this JVM's
     *     environment is the sinks' and their InfluxDB access is checked before the job starts; false where
     *     the job is submitted to a cluster whose TaskManagers read their own secrets ({@link ClusterMain})
     */
    RunCommand(boolean ownCluster) {
        this.ownCluster = ownCluster;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        AirIndexConfig config;
        boolean untilLatest;
        Configuration flink;
        try {
            Options o = Options.parse(args, Set.of("config", "from-savepoint"), Set.of("until-latest"));
            config = ConfigLoader.forCommand(o.get("config", null));
            untilLatest = o.has("until-latest");
            // Reporter keys act where this JVM is the cluster (java -jar); a cluster takes them from its config.yaml.
            flink = ProductionIo.metricsToInflux(config.influx, java.time.Duration.ofSeconds(30));
            flink.addAll(ProductionIo.durableState(config.checkpointing, o.get("from-savepoint", null)));
            // Where airindex stop (or curl .../jobs/<id>/stop) finds the local cluster of this JVM.
            flink.set(RestOptions.BIND_PORT, Integer.toString(config.checkpointing.restPort));
            if (ownCluster) {
                try (InfluxWriter influx = new InfluxWriter(ProductionIo.influx(config.influx))) {
                    influx.checkAccess();
                }
            }
        } catch (UsageException | IllegalArgumentException | IllegalStateException e) {
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

    @Override
    public String summary() {
        return "run the streaming job (Kafka readings -> InfluxDB); --until-latest stops at the current end of the topic;"
                + " --from-savepoint PATH resumes from a savepoint or a retained checkpoint (checkpointing.dir)";
    }
}
