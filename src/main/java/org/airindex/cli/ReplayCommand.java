package org.airindex.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
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
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.config.StationRegistry;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.io.csv.CsvPartSink;
import org.airindex.io.file.ReadingFileFormat;
import org.airindex.io.json.TimeBounds;
import org.airindex.io.influx.InfluxSink;
import org.airindex.io.influx.RejectedLines;
import org.airindex.jobs.AirIndexJob;
import org.airindex.jobs.InfluxOutputs;
import org.airindex.jobs.ProductionIo;
import org.airindex.jobs.ReplayOutputs;
import org.airindex.pipeline.KeySpread;
import org.airindex.pipeline.Keys;
import org.airindex.records.DeadLetter;

/**
 * {@code replay --input F --stations F [--baselines F] [--scheme F] [--config F] [--parallelism N]
 * (--out DIR | --influx)}: history through the streaming job's own operators, in Flink's batch
 * execution mode, to CSV files or to the configured InfluxDB.
 */
final class ReplayCommand implements Command {

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        AirIndexConfig config;
        StationRegistry registry;
        Path input;
        try {
            o = Options.parse(args, Set.of("input", "stations", "baselines", "scheme", "config", "out", "parallelism"),
                    Set.of("influx"));
            input = Path.of(o.required("input"));
            if (!Files.isReadable(input)) {
                throw new UsageException("cannot read --input " + input);
            }
            if (o.has("influx") == (o.get("out", null) != null)) {
                throw new UsageException("give exactly one of --out DIR and --influx");
            }
            config = ConfigLoader.forCommand(o.get("config", null));
            config.stations = o.required("stations");
            config.province.baselines = o.get("baselines", config.province.baselines);
            config.province.scheme = o.get("scheme", config.province.scheme);
            ConfigLoader.requireFiles(config);
            registry = StationRegistry.load(Path.of(config.stations));
        } catch (UsageException | IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            return USAGE;
        }
        try {
            long started = System.nanoTime();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(batchSettings());
            env.setRuntimeMode(RuntimeExecutionMode.BATCH);
            int parallelism = Integer.parseInt(o.get("parallelism",
                    Integer.toString(Runtime.getRuntime().availableProcessors())));
            env.setParallelism(parallelism);
            env.setMaxParallelism(KeySpread.maxParallelism(Keys.families(registry), parallelism));
            FileSource<org.airindex.records.RawReading> source = FileSource
                    .forRecordStreamFormat(new ReadingFileFormat(TimeBounds.of(config)), new org.apache.flink.core.fs.Path(input.toUri()))
                    .build();
            if (o.has("influx")) {
                // Replayed history must not reach the live warning topic: its alerts go to InfluxDB only.
                new AirIndexJob(config, registry, source, new InfluxOutputs(
                        new InfluxSink(ProductionIo.influx(config.influx), RejectedLines.logged()), new PrintSink<DeadLetter>("dead letter", true),
                        new DiscardingSink<AlertEvent>()))
                        .build(env);
                env.execute("airindex replay");
                out.printf("replayed %s into %s in %.1f s%n", input, config.influx.url, seconds(started));
            } else {
                Path dir = Path.of(o.get("out", null));
                Path parts = dir.resolve(".parts");
                deleteTree(parts); // parts of an earlier run, perhaps with more subtasks, must not be merged in
                ReplayRows rows = new ReplayRows(config.zone());
                ReplayOutputs outputs = new ReplayOutputs(new CsvPartSink<>(parts, rows::hourly),
                        new CsvPartSink<>(parts, rows::daily), parts);
                new AirIndexJob(config, registry, source, outputs).build(env);
                ReplayOutputs.Results results = outputs.execute(env, "airindex replay");
                double executed = seconds(started);
                Map<String, Integer> files = new ReplayTables(rows).write(dir, parts, results);
                deleteTree(parts);
                out.printf("replayed %s in %.1f s (%.1f s to the results read back, %.1f s for the tables) into %s:%n",
                        input, seconds(started), executed, seconds(started) - executed, o.get("out", null));
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

    @Override
    public String summary() {
        return "replay a file of readings through the job in batch mode, to CSV files (--out) or InfluxDB (--influx)";
    }
}
