import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.airindex.config.StationRegistry;
import org.airindex.local.SyntheticReadings;

/**
 * Synthetic readings of conf/stations.csv over runs of days, as JSON lines for `airindex replay --input`: the
 * input of examples that need more than the sample month, such as two autumn-winter campaigns for a change rate.
 * Each run is FIRST:DAYS:SEED (a seed per run, so that the years differ).
 *
 *   mvn -B -o -q compile dependency:build-classpath -Dmdep.outputFile=work/cp.txt
 *   java -cp target/classes:$(cat work/cp.txt) jobs/bench/SampleReadings.java work/campaigns.jsonl \
 *       2024-10-01:182:8 2025-10-01:182:7
 *   java -cp target/classes:$(cat work/cp.txt) org.airindex.cli.Main replay --input work/campaigns.jsonl \
 *       --stations conf/stations.csv --out work/campaigns --parallelism 2
 */
public class SampleReadings {
    public static void main(String[] args) throws Exception {
        StationRegistry registry = StationRegistry.load(Path.of("conf/stations.csv"));
        List<String> lines = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] run = args[i].split(":");
            for (SyntheticReadings.Record r : new SyntheticReadings(registry, ZoneId.of("Asia/Shanghai"),
                    LocalDate.parse(run[0]), Integer.parseInt(run[1]), Long.parseLong(run[2])).generate()) {
                lines.add(r.json());
            }
        }
        Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
        System.out.println(lines.size() + " readings in " + args[0]);
    }
}
