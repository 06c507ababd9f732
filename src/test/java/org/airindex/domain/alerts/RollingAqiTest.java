package org.airindex.domain.alerts;

import static org.airindex.domain.alerts.RulesFixtures.H;
import static org.airindex.domain.alerts.RulesFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.airindex.domain.DailyValues;
import org.airindex.domain.HourlyValues;
import org.airindex.domain.Exact;
import org.airindex.domain.O3EightHour;
import org.airindex.domain.Pollutant;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Standards;
import org.airindex.domain.Statistic;
import org.airindex.domain.Statistics;
import org.airindex.domain.Validity;
import org.junit.jupiter.api.Test;

/** The rolling AQI's fast form against its definition by the §1 statistics, on random series. */
class RollingAqiTest {
    private static final long T0 = at("2026-03-01T00:00");

    /** §5 spelled out with the statistics the daily values use, list by list. */
    private static Integer definition(RuleSet rs, HourSeries<HourlyValues> hours, long t) {
        Validity v = rs.validity();
        int span = RollingAqi.lookbackHours(v);
        List<List<Double>> columns = new ArrayList<>();
        for (Pollutant p : Pollutant.values()) {
            List<Double> column = new ArrayList<>();
            for (int i = 0; i < span; i++) {
                HourlyValues h = hours.at(t - (span - 1 - i) * H);
                column.add(h == null ? null : h.get(p));
            }
            columns.add(column);
        }
        Double[] day = new Double[Pollutant.values().length];
        for (Pollutant p : Pollutant.values()) {
            Statistic s = Statistics.dailyMean(p, columns.get(p.ordinal()).subList(span - 24, span), v);
            day[p.ordinal()] = s.valid() ? s.value() : null;
        }
        List<Double> o3 = columns.get(Pollutant.O3.ordinal());
        Double max = null;
        int windows = 0;
        for (Exact mean : O3EightHour.movingMeans(o3, v)) {
            if (mean != null) {
                windows++;
                max = max == null ? mean.doubleValue() : Math.max(max, mean.doubleValue());
            }
        }
        List<Double> o3Hours = Statistics.validValues(Pollutant.O3, o3.subList(span - 24, span), v);
        Double oneHourMax = v.dayValid(o3Hours.size()) ? o3Hours.stream().mapToDouble(x -> x).max().orElseThrow() : null;
        return rs.dailyAqi(DailyValues.of(day[Pollutant.SO2.ordinal()], day[Pollutant.NO2.ordinal()],
                day[Pollutant.CO.ordinal()], day[Pollutant.PM10.ordinal()], day[Pollutant.PM25.ordinal()],
                v.o3DailyMaxValid(windows, max) ? max : null, oneHourMax)).aqi();
    }

    /** A value as stations send them (whole µg/m³, CO to 0.1), or a gap, a negative, a NaN or a spike. */
    private static Double value(Random random, Pollutant p, double level) {
        int r = random.nextInt(100);
        if (r < 8) {
            return null;
        }
        if (r == 8) {
            return -1.0;
        }
        if (r == 9) {
            return Double.NaN;
        }
        if (r == 10) {
            return 1e6;
        }
        double x = Math.max(0, level * (0.5 + random.nextDouble()));
        return p == Pollutant.CO ? Math.round(x * 10) / 10.0 : (double) Math.round(x);
    }

    @Test
    void agreesWithTheDefinitionAtEveryHourUnderBothRuleSets() {
        Random random = new Random(20261129);
        int compared = 0;
        int published = 0;
        for (String id : List.of("2012", "2026")) {
            RuleSet rs = Standards.loadDefault().byId(id);
            for (int series = 0; series < 40; series++) {
                // Some series are sparse, so validity thresholds are crossed both ways.
                int gapPercent = series % 4 == 0 ? 30 : 0;
                double level = 20 + random.nextInt(300);
                NavigableMap<Long, HourlyValues> hours = new TreeMap<>();
                for (int i = 0; i < 120; i++) {
                    if (random.nextInt(100) < gapPercent) {
                        continue;
                    }
                    HourlyValues.Builder b = HourlyValues.builder();
                    for (Pollutant p : Pollutant.values()) {
                        b.set(p, value(random, p, p == Pollutant.CO ? level / 100 : level));
                    }
                    hours.put(T0 + i * H, b.build());
                }
                for (int i = 0; i < 120; i++) {
                    long t = T0 + i * H;
                    Integer expected = definition(rs, hours::get, t);
                    assertEquals(expected, RollingAqi.at(rs, hours::get, t), id + " series " + series + " hour " + i);
                    compared++;
                    published += expected == null ? 0 : 1;
                }
            }
        }
        assertTrue(published > compared / 4 && published < compared, published + " of " + compared + " published");
    }
}
