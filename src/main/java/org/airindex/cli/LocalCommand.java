package org.airindex.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.airindex.config.AirIndexConfig;
import org.airindex.local.LocalRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code local}: the self-contained local run behind {@code jobs/run-local.sh}. The Kafka broker's
 * classpath is given because the broker is not part of this jar.
 */
@Command(name = "local", description = "Run the job locally on a real Kafka and InfluxDB with synthetic readings, "
        + "and print a summary (jobs/run-local.sh).")
final class LocalCommand extends Subcommand {
    private static final int FIRST_WEEK = 7;

    private final Clock clock;

    @Option(names = "--kafka-classpath", paramLabel = "CP", required = true,
            description = "the classpath of the Kafka broker, which this jar does not hold")
    private String kafkaClasspath;

    @Option(names = "--keep", description = "leave Kafka and InfluxDB running and the job's state in a savepoint; "
            + "a second --keep run continues there with the days since")
    private boolean keep;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "work/local",
            description = "the folder of the servers' data, the readings and the job's state")
    private Path work;

    @Option(names = "--from", paramLabel = "DATE", description = {"the first day of synthetic readings",
            "  Default: --days days before today"})
    private LocalDate from;

    @Option(names = "--days", paramLabel = "N", description = {"days of synthetic readings; they must end by "
            + "yesterday, as Kafka refuses records from the future",
            "  Default: the month so far, from the 1st of the month before in a month's first week"})
    private Integer days;

    @Mixin
    private ConfigOption configOption;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2", description = "the job's parallelism")
    private int parallelism;

    /** @param clock what "today" is: the synthetic days end the day before */
    LocalCommand(Clock clock, PrintStream out, PrintStream err) {
        super(out, err);
        this.clock = clock;
    }

    @Override
    public Integer call() {
        LocalRun run;
        try {
            AirIndexConfig config = configOption.load();
            LocalDate today = LocalDate.now(clock.withZone(config.zone()));
            int n = days != null ? days : defaultDays(today);
            LocalDate first = from != null ? from : today.minusDays(n);
            if (first.plusDays(n).isAfter(today)) {
                throw new IllegalArgumentException("the synthetic days " + first + " to " + first.plusDays(n - 1)
                        + " reach past yesterday (" + config.timezone + "); Kafka refuses records from the future");
            }
            run = new LocalRun(config, work.toAbsolutePath(), kafkaClasspath, first, n, parallelism, out);
        } catch (RuntimeException e) {
            err.println("local: " + e.getMessage());
            return USAGE;
        }
        try {
            run.run(keep);
            return 0;
        } catch (Exception e) {
            err.println("local: the run failed: " + e);
            e.printStackTrace(err);
            return 3;
        }
    }

    /**
     * By default the month so far, whole days up to yesterday (the broker refuses records stamped more than
     * an hour ahead: Kafka's message.timestamp.after.max.ms). In the first week it starts on the 1st of
     * last month instead, so that the summary shows that month's final settlement, on a whole month of
     * days, beside the few days of the new one.
     */
    static int defaultDays(LocalDate today) {
        LocalDate from = (today.getDayOfMonth() <= FIRST_WEEK ? today.minusMonths(1) : today).withDayOfMonth(1);
        return (int) ChronoUnit.DAYS.between(from, today);
    }
}
