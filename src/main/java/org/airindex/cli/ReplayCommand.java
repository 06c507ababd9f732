package org.airindex.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.PrintSink;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.config.StationRegistry;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.io.csv.CsvPartSink;
import org.airindex.io.file.ReadingFileFormat;
import org.airindex.io.influx.InfluxSink;
import org.airindex.io.influx.RejectedLines;
import org.airindex.io.json.TimeBounds;
import org.airindex.jobs.AirIndexJob;
import org.airindex.jobs.InfluxOutputs;
import org.airindex.jobs.ProductionIo;
import org.airindex.jobs.ReplayOutputs;
import org.airindex.pipeline.KeySpread;
import org.airindex.pipeline.Keys;
import org.airindex.records.DeadLetter;

/**
 * {@code replay}: history through the streaming job's own operators, in Flink's batch execution mode, to
 * CSV files or to the configured InfluxDB.
 */
@Command(name = "replay", description = "Replay a file of readings through the job's operators in Flink's batch "
        + "mode, into CSV tables (--out) or the configured InfluxDB (--influx).")
final class ReplayCommand extends Subcommand {
    @Option(names = "--input", paramLabel = "F", required = true,
            description = "the readings: JSON lines, or CSV with the reading field names as header")
    private Path input;

    @Option(names = "--stations", paramLabel = "F", required = true,
            description = "the station registry (CSV, as conf/stations.csv)")
    private String stations;

    @Option(names = "--baselines", paramLabel = "F", description = {"last year's values: a CSV file or a folder of "
            + "them; none for none", "  Default: province.baselines of the configuration"})
    private String baselines;

    @Option(names = "--scheme", paramLabel = "F", description = {"the reward and penalty scheme (YAML)",
            "  Default: province.scheme of the configuration"})
    private String scheme;

    @Mixin
    private ConfigOption configOption;

    @Option(names = "--parallelism", paramLabel = "N", description = "the parallelism of every operator; this "
            + "machine's processor count unless given")
    private int parallelism = Runtime.getRuntime().availableProcessors();

    @ArgGroup(multiplicity = "1")
    private Destination destination;

    /** Where the results go: exactly one of the two. */
    private static final class Destination {
        @Option(names = "--out", paramLabel = "DIR", required = true, description = "write CSV tables into DIR")
        private Path dir;

        @Option(names = "--influx", required = true, description = "write to the InfluxDB of the configuration")
        private boolean influx;
    }

    ReplayCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        AirIndexConfig config;
        StationRegistry registry;
        try {
            if (!Files.isReadable(input)) {
                throw new IllegalArgumentException("cannot read --input " + input);
            }
            config = configOption.load();
            config.stations = stations;
            if (baselines != null) {
                config.province.baselines = baselines;
            }
            if (scheme != null) {
                config.province.scheme = scheme;
            }
            ConfigLoader.requireFiles(config);
            registry = StationRegistry.load(Path.of(config.stations));
        } catch (IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            return USAGE;
        }
        try {
            long started = System.nanoTime();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(batchSettings());
            env.setRuntimeMode(RuntimeExecutionMode.BATCH);
            env.setParallelism(parallelism);
            env.setMaxParallelism(KeySpread.maxParallelism(Keys.families(registry, config.namedPeriods()), parallelism));
            FileSource<org.airindex.records.RawReading> source = FileSource
                    .forRecordStreamFormat(new ReadingFileFormat(TimeBounds.of(config)), new org.apache.flink.core.fs.Path(input.toUri()))
                    .build();
            if (destination.influx) {
                // Replayed history must not reach the live warning topic: its alerts go to InfluxDB only.
                new AirIndexJob(config, registry, source, new InfluxOutputs(
                        new InfluxSink(ProductionIo.influx(config.influx), RejectedLines.logged()), new PrintSink<DeadLetter>("dead letter", true),
                        new DiscardingSink<AlertEvent>()))
                        .build(env);
                progress("running the job into " + config.influx.url);
                env.execute("airindex replay");
                out.printf("replayed %s into %s in %.1f s%n", input, config.influx.url, seconds(started));
            } else {
                Path dir = destination.dir;
                Path parts = dir.resolve(".parts");
                deleteTree(parts); // parts of an earlier run, perhaps with more subtasks, must not be merged in
                ReplayRows rows = new ReplayRows(config.zone());
                ReplayOutputs outputs = new ReplayOutputs(new CsvPartSink<>(parts, rows::hourly),
                        new CsvPartSink<>(parts, rows::daily), parts);
                new AirIndexJob(config, registry, source, outputs).build(env);
                progress("running the job");
                ReplayOutputs.Results results = outputs.execute(env, "airindex replay");
                double executed = seconds(started);
                progress(String.format("results read back after %.1f s, writing the tables", executed));
                Map<String, Integer> files = new ReplayTables(rows).write(dir, parts, results);
                deleteTree(parts);
                out.printf("replayed %s in %.1f s (%.1f s to the results read back, %.1f s for the tables) into %s:%n",
                        input, seconds(started), executed, seconds(started) - executed, dir);
                files.forEach((file, count) -> out.printf("  %-20s %8d rows%n", file, count));
            }
            return 0;
        } catch (Exception e) {
            err.println("replay: failed: " + e);
            e.printStackTrace(err);
            return 3;
        }
    }

    /**
     * A replay runs on one machine: every operator gets the full parallelism (the adaptive scheduler
     * would give small stages one slot), blocking shuffles stay uncompressed (their files stay on the
     * local disk, and CPU is the limit), and the key sorts get room in memory. Object reuse stays off:
     * operators keep their inputs in state. Typed options, so that a key a Flink release renames fails
     * the build: Flink 2 dropped {@code taskmanager.network.batch-shuffle.compression.enabled}, and
     * the shuffles were LZ4-compressed although that key said otherwise.
     */
    private static Configuration batchSettings() {
        Configuration conf = new Configuration();
        conf.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false);
        conf.set(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC,
                NettyShuffleEnvironmentOptions.CompressionCodec.NONE);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(1024));
        return conf;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
