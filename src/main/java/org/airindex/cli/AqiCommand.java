package org.airindex.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.airindex.domain.AqiResult;
import org.airindex.domain.Category;
import org.airindex.domain.DataDate;
import org.airindex.domain.DailyValues;
import org.airindex.domain.HourlyValues;
import org.airindex.domain.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aqi}: hourly or daily AQI for each row of a CSV. */
@Command(name = "aqi", description = "Hourly or daily AQI of each row of a CSV: adds the AQI, category, primary "
        + "pollutant and IAQIs to the row's columns.")
public final class AqiCommand extends Subcommand {
    private static final List<String> HOURLY_COLUMNS = List.of("so2", "no2", "co", "o3", "pm10", "pm25");
    private static final List<String> DAILY_COLUMNS = List.of("so2", "no2", "co", "pm10", "pm25", "o3_8h_max");
    private static final List<String> IAQI_COLUMNS = List.of("so2", "no2", "co", "o3", "pm10", "pm25");

    /** The values of --report, spelled as typed. */
    enum Report { hourly, daily }

    /** The values of --category, spelled as typed. */
    enum CategoryStyle { zh, en, level }

    @Option(names = "--input", paramLabel = "F", required = true, description = "CSV of hourly or daily concentrations "
            + "(UTF-8, a header row, an empty cell is missing); its other columns are passed through")
    private Path input;

    @Option(names = "--report", paramLabel = "hourly|daily", defaultValue = "hourly",
            description = "hourly: the real-time AQI of each hour's row; daily: the daily AQI of each day's row")
    private Report report;

    @Option(names = "--output", paramLabel = "F", description = {"the CSV file to write", "  Default: standard output"})
    private String output;

    @Option(names = "--category", paramLabel = "zh|en|level", defaultValue = "zh",
            description = "the category as its Chinese name, its English name or its level (1 to 6)")
    private CategoryStyle categoryStyle;

    @Mixin
    private RuleOptions ruleOptions;

    AqiCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        boolean daily = report == Report.daily;
        try {
            RuleOptions.Rules rules = ruleOptions.load();
            List<String> required = new ArrayList<>(daily ? DAILY_COLUMNS : HOURLY_COLUMNS);
            if (rules.fixed() == null) {
                required.add(0, daily ? "date" : "time");
            }
            String extra = extraColumn(daily, rules.candidates());
            List<String> added = new ArrayList<>(List.of("aqi", "category", "primary"));
            for (String c : IAQI_COLUMNS) {
                added.add("iaqi_" + c);
            }
            if (extra != null) {
                added.add("iaqi_" + extra);
            }
            ZoneId zone = rules.standards().zone();
            return CsvTransform.run(input, output, out, err, required, added, row -> {
                RuleSet rs = rules.fixed() != null ? rules.fixed()
                        : rules.standards().forDate(daily ? date(row) : RowTime.hourDate(row.text("time"), zone));
                AqiResult r = daily ? rs.dailyAqi(dailyValues(row)) : rs.hourlyAqi(hourlyValues(row));
                List<String> cells = new ArrayList<>();
                cells.add(r.aqi() == null ? "" : r.aqi().toString());
                cells.add(r.aqi() == null ? "" : category(r.category(), categoryStyle));
                cells.add(r.primaryJoined());
                for (String c : IAQI_COLUMNS) {
                    cells.add(text(r.iaqi(c)));
                }
                if (extra != null) {
                    cells.add(text(r.iaqi(extra)));
                }
                return cells;
            });
        } catch (UsageException e) {
            err.println("aqi: " + e.getMessage());
            return USAGE;
        }
    }

    /** The one IAQI column beyond the six that some candidate rule-set adds (O3 1h daily, O3 8h real-time). */
    private static String extraColumn(boolean daily, List<RuleSet> candidates) {
        for (RuleSet rs : candidates) {
            if (daily && rs.dailyUsesO3OneHour()) {
                return "o3_1h";
            }
            if (!daily && rs.realtimePm() == RuleSet.RealtimePm.MOVING_24H) {
                return "o3_8h";
            }
        }
        return null;
    }

    private static HourlyValues hourlyValues(CsvTransform.Row row) throws BadRowException {
        return HourlyValues.builder()
                .so2(row.number("so2")).no2(row.number("no2")).co(row.number("co"))
                .o3(row.number("o3")).pm10(row.number("pm10")).pm25(row.number("pm25"))
                .so2_24h(row.number("so2_24h")).pm10_24h(row.number("pm10_24h"))
                .pm25_24h(row.number("pm25_24h")).o3_8h(row.number("o3_8h"))
                .build();
    }

    private static DailyValues dailyValues(CsvTransform.Row row) throws BadRowException {
        return DailyValues.of(row.number("so2"), row.number("no2"), row.number("co"), row.number("pm10"),
                row.number("pm25"), row.number("o3_8h_max"), row.number("o3_1h_max"));
    }

    private static LocalDate date(CsvTransform.Row row) throws BadRowException {
        String s = row.text("date");
        if (s == null) {
            throw new BadRowException("date: empty, needed to choose the rule-set (or give --rules)");
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadRowException("date: not an ISO-8601 date: '" + s + "'");
        }
    }

    private static String category(Category c, CategoryStyle style) {
        return switch (style) {
            case zh -> c.chinese();
            case en -> c.english();
            case level -> Integer.toString(c.level());
        };
    }

    private static String text(Integer v) {
        return v == null ? "" : v.toString();
    }

    /** Parsing of the {@code time} column; kept apart because end-labelled midnight needs care. */
    static final class RowTime {
        private RowTime() {
        }

        /**
         * The data date of an end-labelled hour given as ISO-8601 local time, with an offset (converted
         * to the rule-set time zone), with a space for the 'T', or as {@code T24:00}.
         */
        static LocalDate hourDate(String s, ZoneId zone) throws BadRowException {
            if (s == null) {
                throw new BadRowException("time: empty, needed to choose the rule-set (or give --rules)");
            }
            String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
            boolean hour24 = t.length() > 13 && t.startsWith("T24:00", 10);
            if (hour24) {
                t = t.substring(0, 10) + "T00:00" + t.substring(16);
            }
            LocalDateTime local;
            try {
                local = OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDateTime();
            } catch (DateTimeParseException e) {
                try {
                    local = LocalDateTime.parse(t);
                } catch (DateTimeParseException e2) {
                    throw new BadRowException("time: not an ISO-8601 date-time: '" + s + "'");
                }
            }
            if (hour24) {
                local = local.plusDays(1);
            }
            return DataDate.ofHourEnd(local);
        }
    }
}
