package org.airindex.domain.alerts;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
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
     * @param rolling the place's rolling 24-hour AQI keyed by hour end, at least the longest run back
     *                from t ({@link RollingAqi#series}); an hour without one is absent
     */
    public static Condition evaluate(AlertRules.Episodes cfg, NavigableMap<Long, Integer> rolling, String place,
            long t, ZoneId zone) {
        TreeSet<Integer> thresholds = new TreeSet<>();
        cfg.levels.forEach(l -> l.anyOf.forEach(alt -> alt.forEach(r -> thresholds.add(r.aqiAbove))));
        Map<String, Object> values = Texts.map();
        Integer now = rolling.get(t);
        values.put("aqi_24h", now);
        StringBuilder runsZh = new StringBuilder();
        StringBuilder runsEn = new StringBuilder();
        for (int a : thresholds.descendingSet()) {
            int n = Runs.length(rolling, t, x -> x > a);
            values.put("hours_over_" + a, n);
            runsZh.append("，超过").append(a).append("已").append(n).append("小时");
            runsEn.append("; above ").append(a).append(" for ").append(n).append(" h");
        }
        int level = 0;
        AlertRules.EpisodeLevel reached = null;
        for (int i = 0; i < cfg.levels.size(); i++) {
            if (holds(cfg.levels.get(i).anyOf, rolling, t)) {
                level = i + 1;
                reached = cfg.levels.get(i);
            }
        }
        String at = Texts.time(t, zone);
        if (reached == null) {
            return new Condition(TYPE, place, null, 0, null, t - Runs.HOUR_MS, Texts.values(values),
                    place + " " + at + " 重污染天气预警条件已解除" + Texts.OBSERVED_ZH + "：滚动24小时AQI " + now + runsZh + "。",
                    place + " " + at + ": heavy-pollution warning conditions no longer met" + Texts.OBSERVED_EN
                            + ": rolling 24-hour AQI " + now + runsEn + ".");
        }
        int episodeHours = Runs.length(rolling, t, x -> x > thresholds.first());
        String nameZh = reached.nameZh == null ? reached.name : reached.nameZh;
        return new Condition(TYPE, place, null, level, reached.name, Runs.start(t, episodeHours), Texts.values(values),
                place + " " + at + " 达到重污染天气" + nameZh + "预警条件" + Texts.OBSERVED_ZH + "：滚动24小时AQI " + now
                        + runsZh + "。",
                place + " " + at + ": heavy-pollution " + reached.name + " warning conditions met" + Texts.OBSERVED_EN
                        + ": rolling 24-hour AQI " + now + runsEn + ".");
    }

    private static boolean holds(List<List<AlertRules.Run>> anyOf, NavigableMap<Long, Integer> rolling, long t) {
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
}
