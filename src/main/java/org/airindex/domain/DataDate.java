package org.airindex.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The local date a value belongs to. Hours are end-labelled (STANDARDS.md §1): the value stamped
 * 00:00 is hour 24 of the previous day, so a reading at 2026-03-01T00:00 is still 2012 data.
 */
public final class DataDate {
    private DataDate() {
    }

    public static LocalDate ofHourEnd(LocalDateTime localEnd) {
        LocalDate d = localEnd.toLocalDate();
        return localEnd.toLocalTime().equals(LocalTime.MIDNIGHT) ? d.minusDays(1) : d;
    }
}
