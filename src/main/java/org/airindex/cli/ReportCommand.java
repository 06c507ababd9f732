package org.airindex.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.StationRegistry;
import org.airindex.reports.Report;
import org.airindex.reports.Reports;
import org.airindex.reports.ReportWriter;
import org.airindex.reports.Results;
import org.airindex.reports.ResultsException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code report}: the daily analysis, weekly dispatch or monthly bulletin of a province as HTML and PDF, with
 * its charts as PNG and its tables as CSV, from the results the job wrote (InfluxDB, or a replay's tables).
 */
@Command(name = "report", description = "Write the daily analysis (日分析), weekly dispatch (周调度) or monthly "
        + "bulletin (月通报) of a province from the job's results: HTML, PDF, charts (PNG) and tables (CSV).")
final class ReportCommand extends Subcommand {
    enum Kind { daily, weekly, monthly }

    @Parameters(index = "0", paramLabel = "KIND", description = "daily, weekly or monthly")
    private Kind kind;

    @Option(names = "--date", paramLabel = "D", description = {"daily: the day, e.g. 2026-08-15",
            "  Default: none; daily needs it"})
    private String date;

    @Option(names = "--week", paramLabel = "W", description = {"weekly: the ISO week, e.g. 2026-W33 (Monday to "
            + "Sunday)", "  Default: none; weekly needs it"})
    private String week;

    @Option(names = "--month", paramLabel = "M", description = {"monthly: the month, e.g. 2026-08",
            "  Default: none; monthly needs it"})
    private String month;

    @Option(names = "--province", paramLabel = "P", description = {"the province as the station registry names it",
            "  Default: the registry's only province"})
    private String province;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the folder the files are written to")
    private Path dir;

    @Mixin
    private ConfigOption configOption;

    @ArgGroup(multiplicity = "1")
    private ResultsSource source;

    ReportCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        AirIndexConfig config;
        String place;
        try {
            config = configOption.load();
            place = province != null ? province : StationRegistry.load(Path.of(config.stations)).onlyProvince();
            requireOnly();
        } catch (IllegalArgumentException e) {
            err.println("report: " + e.getMessage());
            return USAGE;
        }
        try {
            LocalDate lastDay = switch (kind) {
                case daily -> LocalDate.parse(date);
                case weekly -> Reports.sunday(week);
                case monthly -> YearMonth.parse(month).atEndOfMonth();
            };
            Results results = source.forReportOn(config, lastDay);
            progress("reading the results");
            Report report = switch (kind) {
                case daily -> Reports.daily(results, place, lastDay, config);
                case weekly -> Reports.weekly(results, place, week, config);
                case monthly -> Reports.monthly(results, place, YearMonth.from(lastDay), config);
            };
            progress("writing " + report.file());
            List<Path> files = new ReportWriter(config.reports.fonts.stream().map(Path::of).toList()).write(report, dir);
            out.println(report.title() + ":");
            files.forEach(f -> out.println("  " + f));
            return 0;
        } catch (ResultsException | DateTimeParseException e) {
            err.println("report: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("report: cannot write into " + dir + ": " + e.getMessage());
            return 3;
        }
    }

    /** The one period option the kind needs, and no other. */
    private void requireOnly() {
        String wanted = switch (kind) {
            case daily -> "--date";
            case weekly -> "--week";
            case monthly -> "--month";
        };
        String given = (date == null ? "" : " --date") + (week == null ? "" : " --week") + (month == null ? "" : " --month");
        if (!given.strip().equals(wanted)) {
            throw new IllegalArgumentException(kind + " needs " + wanted + " and no other of --date, --week, --month"
                    + (given.isEmpty() ? "" : " (given:" + given + ")"));
        }
    }
}
