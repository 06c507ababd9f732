package org.airindex.domain.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Standards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty other cities published for October at 3.0, 3.1, …, 4.9; the city's November so far (15 of 30 days)
 * under the 2012 rule-set, whose composite index divides PM2.5 by 35 µg/m³.
 */
class NationalEstimateTest {
    private static final RuleSet RULES_2012 = Standards.loadDefault().byId("2012");
    private static final PeriodValues VALUES = PeriodValues.of(10, 30, 60, 50, 1.2, 150);

    private static NationalTable table() {
        List<NationalTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new NationalTable.Row("2026-10", "城市" + i, 3.0 + i / 10.0, i + 1));
        }
        // A later month of another city's must not be read for November: only months before it are.
        rows.add(new NationalTable.Row("2026-11", "城市0", 9.9, 1));
        return NationalTable.of(rows);
    }

    private static List<NationalEstimate> estimate(double composite) {
        return NationalEstimate.of(table(), "本市", new PlaceStanding("本市", composite, 50.0, null, null, 15, 30),
                VALUES, RULES_2012, "2026-11", List.of(10, 20));
    }

    @Test
    void inTheBottomTenWithTheWayOut() {
        // 4.25: 13 cities better (rank 14 of 21), 7 worse. Out of the bottom 10 takes 10 worse: strictly below
        // the 11th best of the others, 4.0: 0.25 lower, 3.75 a day over the 15 days left; PM2.5 50 - 0.25 x 35 =
        // 41.25, (41.25 x 30 - 50 x 15) / 15 = 32.5 a day.
        NationalEstimate ten = estimate(4.25).get(0);
        assertEquals("2026-10", ten.tablePeriod());
        assertEquals(14, ten.rank());
        assertEquals(21, ten.of());
        assertTrue(ten.inBottom());
        assertEquals(4.0, ten.neededComposite(), 1e-12);
        assertEquals(0.25, ten.reduction(), 1e-12);
        assertEquals(3.75, ten.dailyComposite(), 1e-12);
        assertEquals(41.25, ten.neededPm25(), 1e-9);
        assertEquals(32.5, ten.dailyPm25(), 1e-9);
        // Out of the bottom 20: below the best of the others, 3.0; the days left cannot get there (negative).
        NationalEstimate twenty = estimate(4.25).get(1);
        assertEquals(20, twenty.n());
        assertEquals(3.0, twenty.neededComposite(), 1e-12);
        assertEquals(6.25, twenty.neededPm25(), 1e-9);
        assertEquals(-37.5, twenty.dailyPm25(), 1e-9);
    }

    @Test
    void aTieAtTheBottomTenBoundaryIsIn() {
        // 4.0 ties the city at 4.0, the tenth worst: both share rank 11 and both are in the bottom 10; leaving it
        // needs strictly below 4.0.
        NationalEstimate ten = estimate(4.0).get(0);
        assertEquals(11, ten.rank());
        assertTrue(ten.inBottom());
        assertEquals(4.0, ten.neededComposite(), 1e-12);
        assertEquals(0, ten.reduction(), 1e-12);
    }

    @Test
    void outOfTheBottomTenNeedsNothing() {
        // 3.55: 14 cities worse.
        NationalEstimate ten = estimate(3.55).get(0);
        assertFalse(ten.inBottom());
        assertNull(ten.neededComposite());
        assertEquals(7, ten.rank());
        assertTrue(estimate(3.55).get(1).inBottom());
    }

    @Test
    void noPublishedMonthBeforeNoEstimate() {
        assertEquals(List.of(), NationalEstimate.of(table(), "本市", new PlaceStanding("本市", 4.0, 50.0, null, null,
                15, 30), VALUES, RULES_2012, "2026-10", List.of(10)));
    }

    @Test
    void theTableRefusesWhatIsNotOne(@TempDir Path dir) throws Exception {
        for (String bad : new String[] {"period,city,composite\n", "period,city,composite,rank\n2026-13,太原市,4.1,3\n",
                "period,city,composite,rank\n2026-10,太原市,NaN,3\n", "period,city,composite,rank\n2026-10,太原市,1e9,3\n",
                "period,city,composite,rank\n2026-10,太原市,4.1,0\n", "period,city,composite,rank\n2026-10,,4.1,1\n",
                "period,city,composite,rank\n2026-10,太原市,4.1,1\n2026-10,太原市,4.2,2\n",
                "period,city,composite,rank\n2026-10,\"太原市,4.1,1\n"}) {
            Path f = Files.writeString(dir.resolve("t.csv"), bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NationalTable.load(f), bad);
            assertTrue(e.getMessage().contains("t.csv"), e.getMessage());
        }
        Path ok = Files.writeString(dir.resolve("ok.csv"), "# published 2026-11-20\nperiod,city,composite,rank\n"
                + "2026-10,太原市,4.1,3\n");
        assertEquals(1, NationalTable.load(ok).month("2026-10").size());
    }
}
