package org.airindex.domain.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.airindex.domain.Pollutant;
import org.airindex.domain.StandardsFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesTest {
    @Test
    void theProjectFileCarriesTheWarningConditionsOfStandardsSection5() {
        AlertRules r = RulesFixtures.RULES;
        assertEquals(List.of("yellow", "orange", "red"), r.episodes.levels.stream().map(l -> l.name).toList());
        assertEquals("黄色", r.episodes.levels.get(0).nameZh);
        AlertRules.EpisodeLevel red = r.episodes.levels.get(2);
        assertEquals(1, red.anyOf.size());
        assertEquals(200, red.anyOf.get(0).get(0).aqiAbove);
        assertEquals(72, red.anyOf.get(0).get(0).hours);
        assertEquals(300, red.anyOf.get(0).get(1).aqiAbove);
        assertEquals(24, red.anyOf.get(0).get(1).hours);
        assertEquals(72, r.episodes.longestRun());
        assertEquals(Duration.ofHours(24), r.episodes.clearFor);
        assertEquals(List.of("county", "city"), r.episodes.places);
        assertEquals(200, r.hourlyThresholds.get(0).aqiAbove);
        assertEquals(3, r.hourlyThresholds.get(0).hours);
        assertEquals(1000.0, r.stations.instrumentCap.caps.get(Pollutant.PM25));
        assertEquals(List.of(Pollutant.values()), r.stations.flatLine.pollutants);
        assertEquals(0.5, r.stations.flatLine.minValue.get(Pollutant.CO));
        assertEquals(75.0, r.stations.jump.minDifference.get(Pollutant.PM25));
        assertEquals(Duration.ofDays(2), r.targets.fineRisk.clearFor);
        assertEquals(Duration.ZERO, r.targets.bottomN.clearFor);
    }

    @Test
    void theJarCopyIsTheProjectFile() throws IOException {
        try (var in = AlertRules.class.getClassLoader().getResourceAsStream("alerts.yaml")) {
            assertEquals(Files.readString(Path.of("conf/alerts.yaml")), new String(in.readAllBytes(), UTF_8));
        }
        assertEquals(RulesFixtures.RULES.stations.flatLine.hours, AlertRules.fromClasspath().stations.flatLine.hours);
    }

    @Test
    void aMisspeltKeyIsRefused(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("alerts.yaml");
        Files.writeString(f, "stations:\n  silent:\n    enabled: true\n    hourz: 3\n");
        assertThrows(Exception.class, () -> AlertRules.load(f));
    }

    @Test
    void aZeroRunIsRefused(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("alerts.yaml");
        Files.writeString(f, "stations:\n  silent: {enabled: true, hours: 0}\n  flat_line: {hours: 6}\n"
                + "  pm25_above_pm10: {hours: 1}\n  instrument_cap: {hours: 1}\n"
                + "  jump: {ratio: 3, min_other_stations: 2}\n");
        StandardsFormatException e = assertThrows(StandardsFormatException.class, () -> AlertRules.load(f));
        assertTrue(e.getMessage().contains("stations.silent.hours"), e.getMessage());
    }
}
