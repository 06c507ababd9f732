package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamedPeriodTest {
    private static final NamedPeriod AUTUMN_WINTER = NamedPeriod.of("autumn-winter", "10-01", "03-31");
    private static final NamedPeriod OZONE = NamedPeriod.of("ozone-summer", "05-01", "09-30");

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aCampaignCrossingTheNewYearEndsInTheNextYearAndHoldsTheLeapDay() {
        Period run = AUTUMN_WINTER.containing(day("2028-02-29")).orElseThrow();
        assertEquals(day("2027-10-01"), run.start());
        assertEquals(day("2028-03-31"), run.end());
        assertEquals("autumn-winter", run.kind());
        assertEquals("autumn-winter 2027-10-01..2028-03-31", run.id());
        assertEquals(run, AUTUMN_WINTER.containing(day("2027-10-01")).orElseThrow(), "its first day");
        assertEquals(run, AUTUMN_WINTER.containing(day("2028-03-31")).orElseThrow(), "its last day");
        // 31 + 30 + 31 + 31 + 29 + 31 days; the same days a year before are one fewer.
        assertEquals(183, run.end().toEpochDay() - run.start().toEpochDay() + 1);
        Period lastYear = run.lastYear();
        assertEquals(day("2026-10-01"), lastYear.start());
        assertEquals(day("2027-03-31"), lastYear.end());
    }

    @Test
    void aDayOutsideEveryRunHasNoneButTheLatestStartedRunIsTheOneBeforeIt() {
        assertEquals(Optional.empty(), AUTUMN_WINTER.containing(day("2027-07-15")));
        assertEquals(day("2026-10-01"), AUTUMN_WINTER.latestStartedBy(day("2027-07-15")).start());
        assertEquals(day("2026-10-01"), AUTUMN_WINTER.latestStartedBy(day("2027-01-01")).start());
        assertEquals(day("2027-10-01"), AUTUMN_WINTER.latestStartedBy(day("2027-10-01")).start());
        Period summer = OZONE.containing(day("2027-07-15")).orElseThrow();
        assertEquals("ozone-summer 2027-05-01..2027-09-30", summer.id());
        assertEquals(Optional.empty(), OZONE.containing(day("2027-10-01")));
    }

    @Test
    void aRunEndingOnTheLeapDayEndsOnThe28thInACommonYear() {
        NamedPeriod winter = NamedPeriod.of("winter", "12-01", "02-29");
        assertEquals(day("2028-02-29"), winter.containing(day("2028-01-10")).orElseThrow().end());
        assertEquals(day("2027-02-28"), winter.containing(day("2027-01-10")).orElseThrow().end());
        assertEquals(Optional.empty(), winter.containing(day("2027-03-01")));
    }

    @Test
    void aWholeYearFromMarchIsOnePeriodWithNoGap() {
        NamedPeriod year = NamedPeriod.of("heating-year", "03-01", "02-29");
        for (LocalDate d = day("2027-01-01"); d.isBefore(day("2029-01-01")); d = d.plusDays(1)) {
            assertTrue(year.containing(d).isPresent(), d.toString());
        }
        assertEquals(day("2028-02-29"), year.containing(day("2027-03-01")).orElseThrow().end());
    }

    @Test
    void badDefinitionsAreRefusedWithTheirName() {
        assertThrows(IllegalArgumentException.class, () -> NamedPeriod.of("month", "10-01", "03-31"));
        assertThrows(IllegalArgumentException.class, () -> NamedPeriod.of("ytd", "10-01", "03-31"));
        assertThrows(IllegalArgumentException.class, () -> NamedPeriod.of("秋冬防", "10-01", "03-31"));
        assertThrows(IllegalArgumentException.class, () -> NamedPeriod.of("a b", "10-01", "03-31"));
        assertThrows(IllegalArgumentException.class, () -> NamedPeriod.of("x".repeat(41), "10-01", "03-31"));
        assertThrows(IllegalArgumentException.class, () -> NamedPeriod.of(null, "10-01", "03-31"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NamedPeriod.of("spring", "02-30", "04-30"));
        assertTrue(e.getMessage().contains("spring") && e.getMessage().contains("02-30"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NamedPeriod.of("spring", "2027-03-01", "04-30"));
        assertThrows(IllegalArgumentException.class, () -> NamedPeriod.of("spring", null, "04-30"));
        assertThrows(IllegalArgumentException.class, () -> NamedPeriod.of("leap", "02-29", "04-30"));
    }
}
