package org.airindex.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.airindex.config.AirIndexConfig;
import org.airindex.domain.Period;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.alerts.AlertRules;
import org.airindex.domain.alerts.AlertState;
import org.airindex.domain.alerts.BottomNRule;
import org.airindex.domain.alerts.FineRiskRule;
import org.airindex.domain.province.RankingEntry;
import org.airindex.domain.province.RewardScheme;
import org.airindex.pipeline.RuleChoice;
import org.airindex.records.ProvinceReport;

/**
 * Targets at risk, keyed by province and period kind, on the province's month-to-date reports: each
 * assessed place's fine risk per indicator and its bottom-N standing per ranking metric.
 *
 * <p>Event time: a report is issued when the watermark passes its day, so it is evaluated as it
 * comes, at the end of its day. A re-issued report (a corrected place value within the allowed
 * lateness) is evaluated again at the same time, which can open or escalate; a re-issued report of an
 * earlier day than the latest evaluated can only open or escalate too (AlertLifecycle). A place
 * with an open alert that is missing from a report counts as clear.
 */
public class TargetAlerts extends KeyedProcessFunction<Integer, ProvinceReport, AlertEvent> {
    private static final long serialVersionUID = 1L;

    private final AlertRules rules;
    private final RuleChoice ruleChoice;
    private final String schemePath;
    private transient List<Integer> bottomN;
    private transient OpenAlerts open;

    public TargetAlerts(AlertRules rules, RuleChoice ruleChoice, String schemePath) {
        this.rules = rules;
        this.ruleChoice = ruleChoice;
        this.schemePath = schemePath;
    }

    @Override
    public void open(OpenContext openContext) {
        // The same bottom-N sizes as the comparisons that flagged the rankings.
        RewardScheme scheme = RewardScheme.fileOrDefault(schemePath, AirIndexConfig.names(schemePath));
        bottomN = scheme.comparison().bottomN();
        open = new OpenAlerts(getRuntimeContext());
    }

    @Override
    public void processElement(ProvinceReport r, Context ctx, Collector<AlertEvent> out) throws Exception {
        if (!r.kind.equals(Period.MONTH)) {
            return;
        }
        long day = ruleChoice.dayEnd(LocalDate.parse(r.asOf).minusDays(1));
        Set<String> places = new TreeSet<>();
        r.rankings.stream().map(RankingEntry::place).forEach(places::add);
        for (AlertState s : open.all()) {
            places.add(s.place());
        }
        AlertRules.Targets cfg = rules.targets;
        for (String place : places) {
            if (cfg.fineRisk.enabled) {
                for (String indicator : cfg.fineRisk.indicators) {
                    open.apply(FineRiskRule.evaluate(indicator, r.period, r.averages, r.rankings, r.gaps, place, day),
                            r.asOfEnd, cfg.fineRisk.clearFor, out);
                }
            }
            if (cfg.bottomN.enabled) {
                for (String metric : cfg.bottomN.metrics) {
                    open.apply(BottomNRule.evaluate(metric, r.period, bottomN, r.rankings, r.gaps, place, day),
                            r.asOfEnd, cfg.bottomN.clearFor, out);
                }
            }
        }
    }
}
