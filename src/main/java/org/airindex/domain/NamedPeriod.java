package org.airindex.domain;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An assessment period of configuration, assessed every year like a month: the autumn-winter
 * campaign (秋冬防, 1 October – 31 March, crossing the new year) or a custom one such as a summer
 * ozone campaign (1 May – 30 September). A run that ends before it starts in the calendar ends in the
 * next year.
 */
public record NamedPeriod(String name, MonthDay from, MonthDay to) implements Serializable {
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9_-]{0,39}";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

    public NamedPeriod {
        if (name == null || !NAME.matcher(name).matches() || name.equals(Period.MONTH)
                || name.equals(Period.YEAR_TO_DATE)) {
            throw new IllegalArgumentException("a period's name is 1 to 40 of a-z 0-9 _ - (not month or ytd), not '"
                    + name + "'");
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("period " + name + " needs from and to (MM-dd)");
        }
        // A run starting on 29 February would start on no day in three years of four.
        if (from.equals(LEAP_DAY)) {
            throw new IllegalArgumentException("period " + name + " cannot start on 02-29");
        }
    }

    /** @param from first day, MM-dd; @param to last day, MM-dd (02-29: the last day of February) */
    public static NamedPeriod of(String name, String from, String to) {
        return new NamedPeriod(name, monthDay(name, "from", from), monthDay(name, "to", to));
    }

    private static MonthDay monthDay(String name, String key, String text) {
        try {
            return MonthDay.parse("--" + text);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("period " + name + ": " + key + " must be a day of the year as MM-dd, e.g. "
                    + "10-01, not '" + text + "'");
        }
    }

    /** The run that contains {@code day}, if any. */
    public Optional<Period> containing(LocalDate day) {
        Period run = latestStartedBy(day);
        return run.contains(day) ? Optional.of(run) : Optional.empty();
    }

    /** The latest run that starts on or before {@code day}, over or not. */
    public Period latestStartedBy(LocalDate day) {
        LocalDate start = from.atYear(day.getYear());
        return runFrom(start.isAfter(day) ? from.atYear(day.getYear() - 1) : start);
    }

    private Period runFrom(LocalDate start) {
        // MonthDay.atYear gives 28 February for 02-29 in a common year.
        LocalDate end = to.atYear(start.getYear());
        if (end.isBefore(start)) {
            end = to.atYear(start.getYear() + 1);
        }
        return Period.named(name, start, end);
    }
}
