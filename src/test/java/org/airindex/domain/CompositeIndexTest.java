package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositeIndexTest {
    private static final Standards S = Standards.loadDefault();
    private static final PeriodValues AT_LIMITS = PeriodValues.of(6.0, 30.0, 70.0, 35.0, 1.2, 160.0);

    @Test
    void sumOfConcentrationOverStandard2012() {
        CompositeIndex ci = S.byId("2012").compositeIndex(AT_LIMITS);
        // 6/60 + 30/40 + 70/70 + 35/35 + 1.2/4 + 160/160 = 0.1 + 0.75 + 1 + 1 + 0.3 + 1 = 4.15
        assertEquals(4.15, ci.composite());
        assertEquals(new BigDecimal("4.15"), ci.compositeDecimal());
        assertEquals(0.75, ci.subIndex(Pollutant.NO2), 1e-12);
        assertEquals(1 / 4.15, ci.share(Pollutant.PM10), 1e-12);
        assertEquals(new BigDecimal("24.1"), ci.sharePercent(Pollutant.PM10));
        assertEquals(new BigDecimal("2.4"), ci.sharePercent(Pollutant.SO2));
        assertEquals(List.of(Pollutant.O3, Pollutant.PM10, Pollutant.PM25), ci.largestAll());
        assertEquals(Pollutant.O3, ci.largest());
    }

    @Test
    void standards2026ForPm() {
        CompositeIndex ci = S.byId("2026").compositeIndex(AT_LIMITS);
        // PM10 70/60 = 1.1667, PM2.5 35/30 = 1.1667: 4.48333 → 4.48
        assertEquals(4.48, ci.composite());
        assertEquals(List.of(Pollutant.PM10, Pollutant.PM25), ci.largestAll());
        assertEquals(new BigDecimal("60"), S.byId("2026").compositeStandard(Pollutant.PM10));
        assertEquals(new BigDecimal("30"), S.byId("2026").compositeStandard(Pollutant.PM25));
    }

    @Test
    void roundsHalfEvenToTwoDecimals() {
        // 0.3/60 = 0.005 exactly → 0.00; 0.9/60 = 0.015 → 0.02; 7.5/60 = 0.125 → 0.12
        assertEquals(new BigDecimal("0.00"), S.byId("2012").compositeIndex(only(0.3)).compositeDecimal());
        assertEquals(new BigDecimal("0.02"), S.byId("2012").compositeIndex(only(0.9)).compositeDecimal());
        assertEquals(new BigDecimal("0.12"), S.byId("2012").compositeIndex(only(7.5)).compositeDecimal());
    }

    @Test
    void unroundedInputsByDefaultRoundedAsOption(@TempDir Path dir) throws IOException {
        PeriodValues p = PeriodValues.of(6.4, 30.4, 70.4, 35.4, 1.24, 160.4);
        // 6.4/60 + 30.4/40 + 70.4/70 + 35.4/35 + 1.24/4 + 160.4/160 = 4.19631 → 4.20
        assertEquals(4.20, S.byId("2012").compositeIndex(p).composite());
        Path conf = AqiTest.copyConf(dir);
        AqiTest.replace(conf.resolve("2012.yaml"), "inputs: unrounded", "inputs: rounded");
        RuleSet rounded = Standards.load(conf).byId("2012");
        assertEquals(RuleSet.CompositeInputs.ROUNDED, rounded.compositeInputs());
        // rounded first: 6, 30, 70, 35, 1.2, 160 → 4.15
        assertEquals(4.15, rounded.compositeIndex(p).composite());
    }

    @Test
    void weightsAreConfigurable(@TempDir Path dir) throws IOException {
        Path conf = AqiTest.copyConf(dir);
        AqiTest.replace(conf.resolve("2026.yaml"), "    no2: 1\n", "    no2: 2\n");
        AqiTest.replace(conf.resolve("2026.yaml"), "    pm25: 1\n", "    pm25: 3\n");
        AqiTest.replace(conf.resolve("2026.yaml"), "    o3: 1\n", "    o3: 2\n");
        RuleSet weighted = Standards.load(conf).byId("2026");
        // 6/60 + 2·30/40 + 60/60 + 3·30/30 + 1.2/4 + 2·160/160 = 0.1 + 1.5 + 1 + 3 + 0.3 + 2 = 7.9
        assertEquals(7.9, weighted.compositeIndex(PeriodValues.of(6.0, 30.0, 60.0, 30.0, 1.2, 160.0)).composite());
        // 2031 inherits its weights from 2026 of the same folder
        assertEquals(new BigDecimal("3"), Standards.load(conf).byId("2031").compositeWeight(Pollutant.PM25));
    }

    @Test
    void missingStatisticIsRefused() {
        PeriodValues p = PeriodValues.of(6.0, null, 70.0, 35.0, 1.2, 160.0);
        assertEquals(List.of(Pollutant.NO2), p.missing());
        assertThrows(IllegalArgumentException.class, () -> S.byId("2012").compositeIndex(p));
    }

    private static PeriodValues only(double so2) {
        return PeriodValues.of(so2, 0.0, 0.0, 0.0, 0.0, 0.0);
    }
}
