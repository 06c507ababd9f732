package org.airindex.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One run of an assessment period as of a day: a month, the year to date, or one run of a named
 * period ({@link NamedPeriod}, e.g. the autumn-winter campaign 2026-10-01..2027-03-31). {@code id}
 * names it in results: "2026-11", "2026-01..2026-11" (the year to date as of November), or the named
 * period's name and dates, so that no two kinds share an id.
 */
public record Period(String kind, LocalDate start, LocalDate end, String id) {
    public static final String MONTH = "month";
    public static final String YEAR_TO_DATE = "ytd";

    public static Period month(LocalDate day) {
        YearMonth m = YearMonth.from(day);
        return new Period(MONTH, m.atDay(1), m.atEndOfMonth(), m.toString());
    }

    public static Period yearToDate(LocalDate asOf) {
        LocalDate start = asOf.withDayOfYear(1);
        return new Period(YEAR_TO_DATE, start, LocalDate.of(asOf.getYear(), 12, 31),
                YearMonth.from(start) + ".." + YearMonth.from(asOf));
    }

    /** The same run as of a later day of it: only the year to date's id moves with its last day. */
    public Period at(LocalDate asOf) {
        return kind.equals(YEAR_TO_DATE) ? yearToDate(asOf) : this;
    }

    /** One run of a named period, from its first to its last day. */
    public static Period named(String name, LocalDate start, LocalDate end) {
        return new Period(name, start, end, name + " " + start + ".." + end);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /**
     * The same days a year earlier, the base of the change rate (同比). A run that ends on 29 February
     * ends on the 28th the year before: the same period, one day shorter.
     */
    public Period lastYear() {
        LocalDate from = start.minusYears(1);
        return switch (kind) {
            case MONTH -> month(from);
            case YEAR_TO_DATE -> yearToDate(YearMonth.parse(id.substring(id.indexOf("..") + 2)).minusYears(1).atDay(1));
            default -> named(kind, from, end.minusYears(1));
        };
    }

    public boolean isMonth() {
        return kind.equals(MONTH);
    }
}
