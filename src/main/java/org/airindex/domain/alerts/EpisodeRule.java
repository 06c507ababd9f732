package org.airindex.domain.alerts;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.airindex.domain.RuleSet;

/**
 * Heavy-pollution warning conditions of a place (STANDARDS.md §5) at one hour: the rolling 24-hour
 * AQI of each of the last hours, the runs above each configured value, and the highest level whose
 * alternatives hold. The episode starts at the first hour of the current run above the lowest
 * configured value (the run that led to the warning).
 */
public final class EpisodeRule {
    public static final String TYPE = "episode";

    private EpisodeRule() {
    }

    /** Hours before t the rule reads: the longest run's rolling AQIs and their own windows. */
    public static int lookbackHours(AlertRules.Episodes cfg, RuleSet rs) {
        return cfg.longestRun() - 1 + RollingAqi.lookbackHours(rs.validity());
    }

    /**
     * @param rolling the place's rolling 24-hour AQI by hour end, at least the longest run back from t
     *                ({@link RollingAqi#series}); an hour without one is absent
     */
    public static Condition evaluate(AlertRules.Episodes cfg, HourSeries<Integer> rolling, String place,
            long t, ZoneId zone) {
        TreeSet<Integer> thresholds = new TreeSet<>();
        cfg.levels.forEach(l -> l.anyOf.forEach(alt -> alt.forEach(r -> thresholds.add(r.aqiAbove))));
        Integer now = rolling.at(t);
        int[] above = new int[thresholds.size()];
        int i = 0;
        for (int a : thresholds.descendingSet()) {
            above[i++] = Runs.length(rolling, t, x -> x > a);
        }
        int level = 0;
        AlertRules.EpisodeLevel reached = null;
        for (int l = 0; l < cfg.levels.size(); l++) {
            if (holds(cfg.levels.get(l).anyOf, rolling, t)) {
                level = l + 1;
                reached = cfg.levels.get(l);
            }
        }
        if (reached == null) {
            return new Condition(TYPE, place, null, 0, null, t - Runs.HOUR_MS, () -> {
                String at = Texts.time(t, zone);
                RunsAbove runs = new RunsAbove(thresholds, above);
                return new Condition.Text(runs.values(now),
                        place + " " + at + " 重污染天气预警条件已解除" + Texts.OBSERVED_ZH + "：滚动24小时AQI " + now
                                + runs.zh + "。",
                        place + " " + at + ": heavy-pollution warning conditions no longer met" + Texts.OBSERVED_EN
                                + ": rolling 24-hour AQI " + now + runs.en + ".");
            });
        }
        int episodeHours = Runs.length(rolling, t, x -> x > thresholds.first());
        AlertRules.EpisodeLevel named = reached;
        return new Condition(TYPE, place, null, level, reached.name, Runs.start(t, episodeHours), () -> {
            String at = Texts.time(t, zone);
            RunsAbove runs = new RunsAbove(thresholds, above);
            String nameZh = named.nameZh == null ? named.name : named.nameZh;
            return new Condition.Text(runs.values(now),
                    place + " " + at + " 达到重污染天气" + nameZh + "预警条件" + Texts.OBSERVED_ZH + "：滚动24小时AQI " + now
                            + runs.zh + "。",
                    place + " " + at + ": heavy-pollution " + named.name + " warning conditions met" + Texts.OBSERVED_EN
                            + ": rolling 24-hour AQI " + now + runs.en + ".");
        });
    }

    private static boolean holds(List<List<AlertRules.Run>> anyOf, HourSeries<Integer> rolling, long t) {
        for (List<AlertRules.Run> alternative : anyOf) {
            boolean all = !alternative.isEmpty();
            for (AlertRules.Run r : alternative) {
                all &= Runs.length(rolling, t, x -> x > r.aqiAbove) >= r.hours;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The hours above each configured value, highest value first, as the messages give them. */
    private static final class RunsAbove {
        private final TreeSet<Integer> thresholds;
        private final int[] above;
        private final StringBuilder zh = new StringBuilder();
        private final StringBuilder en = new StringBuilder();

        RunsAbove(TreeSet<Integer> thresholds, int[] above) {
            this.thresholds = thresholds;
            this.above = above;
            int i = 0;
            for (int a : thresholds.descendingSet()) {
                zh.append("，超过").append(a).append("已").append(above[i]).append("小时");
                en.append("; above ").append(a).append(" for ").append(above[i]).append(" h");
                i++;
            }
        }

        String values(Integer now) {
            Map<String, Object> values = Texts.map();
            values.put("aqi_24h", now);
            int i = 0;
            for (int a : thresholds.descendingSet()) {
                values.put("hours_over_" + a, above[i++]);
            }
            return Texts.values(values);
        }
    }
}
