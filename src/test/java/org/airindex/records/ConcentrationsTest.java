package org.airindex.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.airindex.domain.Exact;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.junit.jupiter.api.Test;

class ConcentrationsTest {
    private static final Exact JUST_ABOVE_THE_TIE = Exact.of(17, 20).plus(Exact.of(1, 1_000_000_000_000_000_000L));

    @Test
    void aValueThatIsAveragedAgainKeepsItsFraction() {
        HourlyValue v = new HourlyValue();
        v.set(Pollutant.PM25, Exact.of(427, 12));
        assertEquals(Exact.of(427, 12), v.value(Pollutant.PM25));
        assertEquals(427 / 12.0, v.pm25);
        v.set(Pollutant.PM25, 35.0);
        assertNull(v.exact, "a value set as a double forgets the old fraction");
    }

    /** 0.85 + 10^-18 mg/m³ has the double of 0.85: only its fraction says it is reported 0.9. */
    @Test
    void aReportedOnlyValueKeepsItsFractionOnlyWhereItsDoubleWouldBeReportedOtherwise() {
        HourlyValue v = new HourlyValue();
        v.setReported(Pollutant.PM25, Exact.of(427, 12));
        assertNull(v.exact, "35.58…: its double rounds the same");
        v.setReported(Pollutant.CO, Exact.of(17, 20));
        assertNull(v.exact, "exactly 0.85: its double denotes it");
        v.setReported(Pollutant.CO, JUST_ABOVE_THE_TIE);
        assertEquals(0.85, v.co);
        assertEquals("0.9", Rounding.report(Pollutant.CO, v.value(Pollutant.CO)).toPlainString());
    }
}
