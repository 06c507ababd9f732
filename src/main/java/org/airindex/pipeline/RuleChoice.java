package org.airindex.pipeline;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.airindex.domain.DataDate;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Standards;

/**
 * Which rule-set applies to a piece of data: by its local date (STANDARDS.md §0) unless a fixed
 * rule-set is configured. Operators hold this small description and load the tables once per task.
 */
public final class RuleChoice implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long HOUR_MS = 3_600_000L;

    private final String standardsDir;
    private final String fixedId;
    private final ZoneId zone;
    private transient Standards standards;

    /**
     * @param standardsDir folder with the rule tables, or null/absent to use the jar's copies
     * @param rules "auto" or a rule-set id
     */
    public RuleChoice(String standardsDir, String rules, ZoneId zone) {
        this.standardsDir = standardsDir;
        this.fixedId = rules == null || rules.equals("auto") ? null : rules;
        this.zone = zone;
        // Loads the tables now, so a missing folder or an unknown fixed rule-set stops the job at start.
        if (fixedId != null) {
            standards().byId(fixedId);
        } else {
            standards();
        }
    }

    public static RuleChoice automatic(ZoneId zone) {
        return new RuleChoice(null, "auto", zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public RuleSet forDate(LocalDate localDate) {
        return fixedId == null ? standards().forDate(localDate) : standards().byId(fixedId);
    }

    /** An end-labelled hour belongs to the day of its last instant: hour 24 is the day before midnight. */
    public LocalDate dateOfHour(long hourEndMillis) {
        return DataDate.ofHourEnd(LocalDateTime.ofInstant(Instant.ofEpochMilli(hourEndMillis), zone()));
    }

    /** End of a local day: the midnight after it, epoch milliseconds. */
    public long dayEnd(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone()).toInstant().toEpochMilli();
    }

    /**
     * The latest day the job knows to be complete, for an operator that drops old days as it learns of
     * {@code day}: the watermark's, never a later input's own date, so a day dated ahead cannot drop days still
     * needed. A batch replay has no watermark until its input ends, but gives each key its days in time order.
     */
    public LocalDate horizon(LocalDate day, long watermark) {
        if (watermark == Long.MIN_VALUE || watermark >= dayEnd(day)) {
            return day;
        }
        return dateOfHour(watermark);
    }

    public RuleSet forHour(long hourEndMillis) {
        return forDate(dateOfHour(hourEndMillis));
    }

    /** A period [from, to]: the rule-set of its end (or start, per the rule-set's straddle option). */
    public RuleSet forPeriod(LocalDate from, LocalDate to) {
        return fixedId == null ? standards().forPeriod(from, to) : standards().byId(fixedId);
    }

    /** Last year's period in a year-on-year comparison with one computed under {@code current}. */
    public RuleSet forLastYear(RuleSet current, LocalDate from, LocalDate to) {
        return fixedId == null ? standards().forLastYear(current, from, to) : current;
    }

    public static long hourEnd(long tsMillis) {
        return Math.floorDiv(tsMillis + HOUR_MS - 1, HOUR_MS) * HOUR_MS;
    }

    private Standards standards() {
        if (standards == null) {
            standards = standardsDir != null && !standardsDir.isBlank()
                    ? Standards.load(Path.of(standardsDir))
                    : Standards.loadDefault();
        }
        return standards;
    }
}
