package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardsTest {
    private static final Standards S = Standards.loadDefault();

    @Test
    void ruleSetByLocalDataDate() {
        assertEquals(List.of("2012", "2026", "2031"), S.ids());
        assertEquals("2012", S.forDate(LocalDate.of(2000, 1, 1)).id());
        assertEquals("2012", S.forDate(LocalDate.of(2026, 2, 28)).id());
        assertEquals("2026", S.forDate(LocalDate.of(2026, 3, 1)).id());
        assertEquals("2026", S.forDate(LocalDate.of(2030, 12, 31)).id());
        assertEquals("2031", S.forDate(LocalDate.of(2031, 1, 1)).id());
        assertEquals(ZoneId.of("Asia/Shanghai"), S.zone());
        assertNull(S.byId("2012").effectiveFrom());
        assertEquals(LocalDate.of(2026, 3, 1), S.byId("2026").effectiveFrom());
    }

    @Test
    void hourEndingAtMidnightBelongsToThePreviousDay() {
        assertEquals("2012", S.forHourEnding(LocalDateTime.of(2026, 3, 1, 0, 0)).id());
        assertEquals("2026", S.forHourEnding(LocalDateTime.of(2026, 3, 1, 1, 0)).id());
        assertEquals(LocalDate.of(2026, 2, 28), DataDate.ofHourEnd(LocalDateTime.of(2026, 3, 1, 0, 0)));
    }

    @Test
    void straddlingPeriodUsesTheEndDateByDefault(@TempDir Path dir) throws IOException {
        assertEquals(RuleSet.StraddleBasis.END_DATE, S.byId("2026").straddle());
        assertEquals("2026", S.forPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).id());
        assertThrows(IllegalArgumentException.class, () -> S.forPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 1, 1)));
        Path conf = AqiTest.copyConf(dir);
        AqiTest.replace(conf.resolve("2026.yaml"), "straddle: end_date", "straddle: start_date");
        assertEquals("2012", Standards.load(conf).forPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).id());
    }

    @Test
    void yearOnYearUsesTheCurrentRuleSetByDefault(@TempDir Path dir) throws IOException {
        LocalDate from = LocalDate.of(2025, 3, 1);
        LocalDate to = LocalDate.of(2025, 3, 31);
        assertEquals(RuleSet.YearOnYearBasis.CURRENT, S.byId("2026").yearOnYear());
        assertSame(S.byId("2026"), S.forLastYear(S.byId("2026"), from, to));
        Path conf = AqiTest.copyConf(dir);
        AqiTest.replace(conf.resolve("2026.yaml"), "year_on_year: current", "year_on_year: own");
        Standards own = Standards.load(conf);
        assertEquals("2012", own.forLastYear(own.byId("2026"), from, to).id());
    }

    @Test
    void optionsAndCompositeParametersPerRuleSet() {
        RuleSet r2012 = S.byId("2012");
        RuleSet r2031 = S.byId("2031");
        assertEquals(RuleSet.RealtimePm.HOURLY, r2012.realtimePm());
        assertTrue(r2012.dailyUsesO3OneHour());
        assertFalse(S.byId("2026").dailyUsesO3OneHour());
        assertEquals(100, r2012.missingPublishAbove());
        assertEquals(new BigDecimal("70"), r2012.compositeStandard(Pollutant.PM10));
        assertEquals(new BigDecimal("35"), r2012.compositeStandard(Pollutant.PM25));
        assertEquals(new BigDecimal("160"), r2012.compositeStandard(Pollutant.O3));
        assertEquals(new BigDecimal("4"), r2012.compositeStandard(Pollutant.CO));
        assertEquals(0.95, r2012.coPercentile());
        assertEquals(0.90, r2012.o3Percentile());
        assertEquals(2, r2012.compositeDecimals());
        // 2031 inherits the 2026 AQI rules; its S_pm25 is the reported final annual limit
        assertFalse(r2031.dailyUsesO3OneHour());
        assertEquals(new BigDecimal("30"), S.byId("2026").compositeStandard(Pollutant.PM25));
        assertEquals(new BigDecimal("25"), r2031.compositeStandard(Pollutant.PM25));
        assertEquals(new BigDecimal("60"), r2031.compositeStandard(Pollutant.PM10));
        assertEquals(101, r2031.iaqi("pm25_24h", 61));
    }

    /** Until its assumed values are confirmed, every output names the 2031 rule-set provisional. */
    @Test
    void the2031RuleSetIsProvisionalAndSaysSo() {
        assertEquals("2031 provisional", S.byId("2031").label());
        assertEquals("2026", S.byId("2026").label());
        assertEquals("2012", S.byId("2012").label());
    }

    @Test
    void ruleSetSurvivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(S.byId("2026"));
        }
        RuleSet copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RuleSet) in.readObject();
        }
        assertEquals("2026", copy.id());
        assertEquals(101, copy.hourlyAqi(HourlyValues.of(10.0, 20.0, 0.8, 50.0, 60.0, 61.0)).aqi());
        assertEquals(20, copy.validity().minHoursPerDay());
    }

    @Test
    void unknownIdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> S.byId("2019"));
    }

    @Test
    void brokenTablesAreRefusedWithTheFileName(@TempDir Path dir) throws IOException {
        Path conf = AqiTest.copyConf(dir);
        AqiTest.replace(conf.resolve("2026.yaml"), "pm25_24h: [0, 35, 60,", "pm25_24h: [0, 35, 30,");
        StandardsFormatException e = assertThrows(StandardsFormatException.class, () -> Standards.load(conf));
        assertTrue(e.getMessage().contains("2026.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("pm25_24h"), e.getMessage());
    }

    @Test
    void missingKeyIsRefused(@TempDir Path dir) throws IOException {
        Path conf = AqiTest.copyConf(dir);
        AqiTest.replace(conf.resolve("2012.yaml"), "min_hours_per_day: 20", "");
        StandardsFormatException e = assertThrows(StandardsFormatException.class, () -> Standards.load(conf));
        assertTrue(e.getMessage().contains("min_hours_per_day"), e.getMessage());
    }

    @Test
    void unknownOptionValueIsRefused(@TempDir Path dir) throws IOException {
        Path conf = AqiTest.copyConf(dir);
        AqiTest.replace(conf.resolve("2012.yaml"), "realtime_pm: hourly", "realtime_pm: sometimes");
        StandardsFormatException e = assertThrows(StandardsFormatException.class, () -> Standards.load(conf));
        assertTrue(e.getMessage().contains("realtime_pm"), e.getMessage());
    }

    @Test
    void inheritanceCycleIsRefused(@TempDir Path dir) throws IOException {
        Path conf = AqiTest.copyConf(dir);
        AqiTest.replace(conf.resolve("2026.yaml"), "id: \"2026\"", "id: \"2026\"\ninherits: \"2031\"");
        assertThrows(StandardsFormatException.class, () -> Standards.load(conf));
    }

    @Test
    void columnWithoutAPollutantIsRefused(@TempDir Path dir) throws IOException {
        Path conf = AqiTest.copyConf(dir);
        AqiTest.replace(conf.resolve("2012.yaml"), "    so2_1h:   [", "    dust_1h: [0, 1]\n    so2_1h:   [");
        StandardsFormatException e = assertThrows(StandardsFormatException.class, () -> Standards.load(conf));
        assertTrue(e.getMessage().contains("2012.yaml: aqi.columns.dust_1h: a column is named"), e.getMessage());
    }
}
