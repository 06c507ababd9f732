package org.airindex.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.airindex.domain.CompositeIndex;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code index}: composite index and per-pollutant shares (percent) for each row of period statistics. */
@Command(name = "index", description = "Composite index of each row of a CSV of period statistics: adds the index, "
        + "each pollutant's share (percent) and the largest.")
public final class IndexCommand extends Subcommand {
    private static final List<String> INPUT = List.of("so2", "no2", "pm10", "pm25", "co_p95", "o3_8h_p90");
    /** Order of the share columns, as the issue lists them. */
    private static final List<Pollutant> SHARES = List.of(
            Pollutant.SO2, Pollutant.NO2, Pollutant.PM10, Pollutant.PM25, Pollutant.CO, Pollutant.O3);

    @Option(names = "--input", paramLabel = "F", required = true, description = "CSV of period statistics (UTF-8, a "
            + "header row, an empty cell is missing); its other columns are passed through")
    private Path input;

    @Option(names = "--output", paramLabel = "F", description = {"the CSV file to write", "  Default: standard output"})
    private String output;

    @Mixin
    private RuleOptions ruleOptions;

    IndexCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        try {
            RuleOptions.Rules rules = ruleOptions.load();
            List<String> required = new ArrayList<>(INPUT);
            if (rules.fixed() == null) {
                required.add(0, "period");
            }
            List<String> added = new ArrayList<>(List.of("composite"));
            for (Pollutant p : SHARES) {
                added.add("share_" + p.code());
            }
            added.add("largest");
            return CsvTransform.run(input, output, out, err, required, added, row -> {
                RuleSet rs;
                if (rules.fixed() != null) {
                    rs = rules.fixed();
                } else {
                    LocalDate[] period = period(row.text("period"));
                    rs = rules.standards().forPeriod(period[0], period[1]);
                }
                PeriodValues pv = PeriodValues.of(row.number("so2"), row.number("no2"), row.number("pm10"),
                        row.number("pm25"), row.number("co_p95"), row.number("o3_8h_p90"));
                List<String> cells = new ArrayList<>();
                if (!pv.missing().isEmpty()) {
                    // An index over fewer than six pollutants is not comparable: left empty, not guessed.
                    for (int i = 0; i < added.size(); i++) {
                        cells.add("");
                    }
                    return cells;
                }
                CompositeIndex ci = rs.compositeIndex(pv);
                cells.add(ci.compositeDecimal().toPlainString());
                for (Pollutant p : SHARES) {
                    cells.add(ci.sharePercent(p).toPlainString());
                }
                cells.add(String.join(";", ci.largestAll().stream().map(Pollutant::code).toList()));
                return cells;
            });
        } catch (UsageException e) {
            err.println("index: " + e.getMessage());
            return USAGE;
        }
    }

    /** First and last local date of {@code YYYY-MM}, {@code YYYY} or {@code YYYY-MM..YYYY-MM}. */
    static LocalDate[] period(String s) throws BadRowException {
        if (s == null) {
            throw new BadRowException("period: empty, needed to choose the rule-set (or give --rules)");
        }
        try {
            int range = s.indexOf("..");
            if (range >= 0) {
                YearMonth from = YearMonth.parse(s.substring(0, range).trim());
                YearMonth to = YearMonth.parse(s.substring(range + 2).trim());
                if (to.isBefore(from)) {
                    throw new BadRowException("period: ends before it starts: '" + s + "'");
                }
                return new LocalDate[] {from.atDay(1), to.atEndOfMonth()};
            }
            if (s.length() == 4) {
                Year y = Year.parse(s);
                return new LocalDate[] {y.atDay(1), y.atMonth(12).atEndOfMonth()};
            }
            YearMonth m = YearMonth.parse(s);
            return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
        } catch (DateTimeParseException e) {
            throw new BadRowException("period: not YYYY-MM, YYYY or YYYY-MM..YYYY-MM: '" + s + "'");
        }
    }
}
