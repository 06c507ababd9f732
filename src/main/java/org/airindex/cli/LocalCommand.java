package org.airindex.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.local.LocalRun;

/**
 * {@code local --kafka-classpath CP [--keep] [--work DIR] [--from DATE] [--days N] [--config F]}:
 * the self-contained local run behind {@code jobs/run-local.sh}. The Kafka broker's classpath is
 * given because the broker is not part of this jar.
 */
final class LocalCommand implements Command {
    private static final int FIRST_WEEK = 7;

    private final Clock clock;

    /** @param clock what "today" is: the synthetic days end the day before */
    LocalCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        LocalRun run;
        boolean keep;
        try {
            Options o = Options.parse(args, Set.of("kafka-classpath", "work", "from", "days", "config", "parallelism"),
                    Set.of("keep"));
            AirIndexConfig config = ConfigLoader.forCommand(o.get("config", null));
            LocalDate today = LocalDate.now(clock.withZone(config.zone()));
            int days = Integer.parseInt(o.get("days", String.valueOf(defaultDays(today))));
            LocalDate from = LocalDate.parse(o.get("from", today.minusDays(days).toString()));
            if (from.plusDays(days).isAfter(today)) {
                throw new UsageException("the synthetic days " + from + " to " + from.plusDays(days - 1)
                        + " reach past yesterday (" + config.timezone + "); Kafka refuses records from the future");
            }
            run = new LocalRun(config, Path.of(o.get("work", "work/local")).toAbsolutePath(), o.required("kafka-classpath"), from, days,
                    Integer.parseInt(o.get("parallelism", "2")), out);
            keep = o.has("keep");
        } catch (UsageException | RuntimeException e) {
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

    @Override
    public String summary() {
        return "local run on embedded Kafka and InfluxDB with synthetic readings (used by jobs/run-local.sh)";
    }
}
