package org.airindex.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.domain.Rounding;
import org.airindex.domain.province.MoneyEntry;
import org.airindex.domain.province.PlaceStanding;
import org.airindex.domain.province.RankingEntry;
import org.airindex.domain.province.WhatIf;
import org.airindex.reports.BulletinReport;
import org.airindex.reports.Results;
import org.airindex.reports.ResultsException;
import org.airindex.reports.WhatIfQuestion;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code whatif}: a county's month if its remaining days ran cleaner (or dirtier), the other counties as they
 * are: its values, ranks, bottom-N status and money now and then, by the job's own comparison and settlement.
 */
@Command(name = "whatif", description = "A county's month if the rest of it ran X µg/m³ lower PM2.5 (or at a "
        + "daily level), the other counties as they are: values, ranks, bottom N and money, now and then.")
final class WhatIfCommand extends Subcommand {
    @Option(names = "--place", paramLabel = "P", required = true,
            description = "the county: its key (山西省/太原市/小店区) or its name where no other county has it")
    private String place;

    @Option(names = "--period", paramLabel = "M", required = true, description = "the month, e.g. 2026-08")
    private YearMonth month;

    @Option(names = "--pm25", paramLabel = "X", description = {"the daily PM2.5 change over the changed days, "
            + "µg/m³: -5 is 5 lower", "  Default: none (PM2.5 runs at its mean so far)"})
    private Double pm25;

    @Option(names = "--pm25-level", paramLabel = "L", description = {"instead of --pm25: the daily PM2.5 level of "
            + "the changed days, µg/m³", "  Default: none"})
    private Double pm25Level;

    @Option(names = "--composite", paramLabel = "Y", description = {"a daily change of the composite index over the "
            + "changed days besides the PM2.5 one: -0.2 is 0.2 lower", "  Default: none"})
    private Double composite;

    @Option(names = "--from", paramLabel = "DATE", description = {"the first changed day",
            "  Default: the day after the last day of the results"})
    private LocalDate from;

    @Option(names = "--as-of", paramLabel = "DATE", description = {"start from the month as of this day",
            "  Default: the last day of the results"})
    private LocalDate asOf;

    @Mixin
    private ConfigOption configOption;

    @ArgGroup(multiplicity = "1")
    private ResultsSource source;

    WhatIfCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        AirIndexConfig config;
        StationRegistry registry;
        try {
            if (pm25 != null && pm25Level != null) {
                throw new IllegalArgumentException("--pm25 and --pm25-level: one or the other");
            }
            if (pm25 == null && pm25Level == null && composite == null) {
                throw new IllegalArgumentException("nothing changes: give --pm25, --pm25-level or --composite");
            }
            // The change's own checks (finite numbers, a level not below zero) before any result is read.
            new WhatIf.Change(0, pm25 == null ? null : -pm25, pm25Level, composite == null ? null : -composite);
            config = configOption.load();
            registry = StationRegistry.load(Path.of(config.stations));
        } catch (IllegalArgumentException e) {
            err.println("whatif: " + e.getMessage());
            return USAGE;
        }
        try {
            String province = registry.onlyProvince();
            String key = placeKey(registry);
            Results results = source.open(config);
            progress("reading the results");
            WhatIfQuestion q = WhatIfQuestion.of(results, config, province, key, month,
                    asOf == null ? null : asOf.toString(), from, pm25 == null ? null : -pm25, pm25Level,
                    composite == null ? null : -composite);
            print(q);
            return 0;
        } catch (ResultsException | IllegalArgumentException | DateTimeParseException e) {
            err.println("whatif: " + e.getMessage());
            return USAGE;
        }
    }

    /** The county's key: as given, or the one county of the registry with that name. */
    private String placeKey(StationRegistry registry) {
        List<String> keys = registry.stations().stream()
                .map(Station::countyKey).distinct()
                .filter(k -> k.equals(place) || k.endsWith("/" + place)).toList();
        if (keys.size() != 1) {
            throw new IllegalArgumentException(keys.isEmpty() ? "no county " + place + " in the station registry"
                    : place + " names " + keys.size() + " counties " + keys + ": give the key");
        }
        return keys.get(0);
    }

    private void print(WhatIfQuestion q) {
        WhatIf.Change c = q.change();
        String what = (c.pm25Lower() != null ? String.format("PM2.5 %+.1f µg/m³ a day", -c.pm25Lower())
                : c.pm25Level() != null ? String.format("PM2.5 at %.1f µg/m³ a day", c.pm25Level()) : "PM2.5 as it runs")
                + (c.compositeLower() == null ? "" : String.format(", composite index %+.2f a day", -c.compositeLower()));
        out.printf("%s %s as of %s; then: %d days from %s with %s%n", q.place(), q.month(), q.asOf(), c.days(),
                q.from(), what);
        out.printf("%-34s %14s %14s%n", "", "now", "then");
        row("PM2.5 (µg/m³)", q.before(), q.after(), s -> text(s.pm25()));
        row("composite index", q.before(), q.after(), s -> text(s.composite()));
        for (String metric : List.of("composite", "pm25")) {
            out.printf("%-34s %14s %14s%n", metric + " rank", rank(q.now().rank(q.place(), metric)),
                    rank(q.then().rank(q.place(), metric)));
            out.printf("%-34s %14s %14s%n", metric + " bottom N", bottom(q.now().rank(q.place(), metric)),
                    bottom(q.then().rank(q.place(), metric)));
        }
        out.printf("%-34s %14s %14s%n", "provincial average composite", fixed(q.now().result().averages().composite(), 2),
                fixed(q.then().result().averages().composite(), 2));
        out.printf("%-34s %14s %14s%n", "provincial average PM2.5", fixed(q.now().result().averages().pm25(), 1),
                fixed(q.then().result().averages().pm25(), 1));
        for (MoneyEntry m : q.now().money(q.place())) {
            String then = q.then().money(q.place()).stream().filter(t -> t.indicator().equals(m.indicator())
                    && t.comparison().equals(m.comparison())).findFirst()
                    .map(t -> BulletinReport.signedWan(Math.round(t.amountCny()))).orElse("-");
            out.printf("%-34s %14s %14s%n", "万元 " + m.indicator() + " " + m.comparison() + (m.illustrative() ? " *" : ""),
                    BulletinReport.signedWan(Math.round(m.amountCny())), then);
        }
        Long now = q.now().total(q.place());
        Long then = q.then().total(q.place());
        out.printf("%-34s %14s %14s%n", "万元 total", now == null ? "not settled" : BulletinReport.signedWan(now),
                then == null ? "not settled" : BulletinReport.signedWan(then));
        out.println("Assumed: the other counties as they are; the month's other remaining days at its mean so far; the "
                + "composite index moves with PM2.5 (other pollutants held) and by --composite (an approximation: its "
                + "CO and O3 percentiles are not means of days). * illustrative coefficients.");
    }

    private void row(String label, PlaceStanding before, PlaceStanding after, Function<PlaceStanding, String> f) {
        out.printf("%-34s %14s %14s%n", label, f.apply(before), f.apply(after));
    }

    private static String rank(RankingEntry r) {
        return r == null ? "-" : r.rank() + "/" + r.of();
    }

    private static String bottom(RankingEntry r) {
        return r == null || r.bottomOf() == null ? "-" : "后" + r.bottomOf() + "名";
    }

    private static String text(Double v) {
        return v == null ? "-" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A mean to the given decimals, half to even on its decimal (GB/T 8170). */
    private static String fixed(Double v, int decimals) {
        return v == null ? "-" : Rounding.toDecimals(v, decimals).toPlainString();
    }
}
