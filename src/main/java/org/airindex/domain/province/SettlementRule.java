package org.airindex.domain.province;

import java.util.List;

/**
 * Which places a province compares and settles for a period as of a day, and the notes that say why a
 * place is not compared like the others. A period that can no longer be valid (HJ 663: too few valid days,
 * counting the days to come as valid) is left out of the ranking, the averages and the money, unless the
 * scheme ranks it flagged ({@link ComparisonSettings#RANK_FLAGGED}). A place with no data on the day stays
 * in on its period so far: a missing day changes no mean, it only counts against validity.
 */
public final class SettlementRule {
    private SettlementRule() {
    }

    /** A place's period as of a day, as far as the rule needs it. */
    public record PeriodState(String place, String period, String asOf, boolean valid, boolean noData, int validDays,
                              int daysSoFar, int daysInPeriod) {
    }

    /** Whether the province compares the place; its notes, if any, are added to {@code notes}. */
    public static boolean compared(PeriodState p, ComparisonSettings settings, List<SettlementNote> notes) {
        boolean rankFlagged = settings.unsettled().equals(ComparisonSettings.RANK_FLAGGED);
        boolean compared = p.valid() || rankFlagged;
        if (p.noData()) {
            notes.add(new SettlementNote(p.place(), p.period(), SettlementNote.NO_DATA, "no valid value on " + p.asOf()
                    + ": the period so far stands and the day counts as missing", compared));
        }
        if (!p.valid()) {
            notes.add(new SettlementNote(p.place(), p.period(), SettlementNote.INVALID_PERIOD,
                    "fewest valid days of a pollutant: " + p.validDays() + " of " + p.daysSoFar() + " days so far, "
                            + (p.daysInPeriod() - p.daysSoFar()) + " to come: too few for a valid period (HJ 663)",
                    compared));
        }
        return compared;
    }
}
