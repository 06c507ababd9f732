package org.airindex.domain.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementRuleTest {
    private static final ComparisonSettings EXCLUDE = new ComparisonSettings(List.of(10), null, null);
    private static final ComparisonSettings RANK_FLAGGED =
            new ComparisonSettings(List.of(10), null, ComparisonSettings.RANK_FLAGGED);

    private static SettlementRule.PeriodState march(boolean valid, boolean noData, int validDays) {
        return new SettlementRule.PeriodState("山西省/朔州市/朔城区", "2026-03", "2026-03-10", valid, noData, validDays, 10, 31);
    }

    @Test
    void aValidPeriodIsComparedWithoutANote() {
        List<SettlementNote> notes = new ArrayList<>();
        assertTrue(SettlementRule.compared(march(true, false, 10), EXCLUDE, notes));
        assertTrue(notes.isEmpty());
    }

    /** 3 valid days of 10, 21 to come: at most 24 < 27, so March cannot be valid. */
    @Test
    void aPeriodThatCannotBeValidIsLeftOutByDefaultAndRankedFlaggedOnRequest() {
        List<SettlementNote> notes = new ArrayList<>();
        assertFalse(SettlementRule.compared(march(false, false, 3), EXCLUDE, notes));
        assertEquals(List.of(new SettlementNote("山西省/朔州市/朔城区", "2026-03", SettlementNote.INVALID_PERIOD,
                "fewest valid days of a pollutant: 3 of 10 days so far, 21 to come: too few for a valid period (HJ 663)",
                false)), notes);
        notes.clear();
        assertTrue(SettlementRule.compared(march(false, false, 3), RANK_FLAGGED, notes));
        assertTrue(notes.get(0).ranked());
    }

    @Test
    void aDayWithoutDataKeepsAValidPeriodInWithANote() {
        List<SettlementNote> notes = new ArrayList<>();
        assertTrue(SettlementRule.compared(march(true, true, 9), EXCLUDE, notes));
        assertEquals(1, notes.size());
        assertEquals(SettlementNote.NO_DATA, notes.get(0).reason());
        assertTrue(notes.get(0).ranked());
        assertEquals("no valid value on 2026-03-10: the period so far stands and the day counts as missing",
                notes.get(0).detail());
    }

    @Test
    void aDayWithoutDataOfAPeriodThatCannotBeValidGivesBothNotesNeitherRanked() {
        List<SettlementNote> notes = new ArrayList<>();
        assertFalse(SettlementRule.compared(march(false, true, 2), EXCLUDE, notes));
        assertEquals(List.of(SettlementNote.NO_DATA, SettlementNote.INVALID_PERIOD),
                notes.stream().map(SettlementNote::reason).toList());
        assertTrue(notes.stream().noneMatch(SettlementNote::ranked));
    }
}
