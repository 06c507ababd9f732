package org.airindex.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.airindex.domain.Period;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.province.NationalEstimate;
import org.airindex.domain.province.NationalTable;
import org.airindex.records.HourlyValue;
import org.airindex.records.NationalStanding;
import org.airindex.records.PeriodValue;

/**
 * The national estimates of the province's cities: each city month-to-date value that has a composite index,
 * among the other cities of the last published national table. Stateless: each value of a day replaces the
 * estimate of that day.
 */
public class NationalTracker extends RichFlatMapFunction<PeriodValue, NationalStanding> {
    private static final long serialVersionUID = 1L;

    private final String tablePath;
    private final List<Integer> bottomN;
    private final RuleChoice rules;
    private transient NationalTable table;

    public NationalTracker(String tablePath, List<Integer> bottomN, RuleChoice rules) {
        this.tablePath = tablePath;
        this.bottomN = List.copyOf(bottomN);
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) {
        table = NationalTable.load(Path.of(tablePath));
    }

    /** Whether a period value is one the tracker estimates from: a city's month with a composite index. */
    public static boolean estimated(PeriodValue v) {
        return v.level.equals(HourlyValue.CITY) && v.kind.equals(Period.MONTH) && v.composite != null;
    }

    @Override
    public void flatMap(PeriodValue v, Collector<NationalStanding> out) {
        if (!estimated(v)) {
            return;
        }
        LocalDate asOf = LocalDate.parse(v.asOf);
        PeriodValues values = v.reported();
        for (NationalEstimate e : NationalEstimate.of(table, v.city, v.standing(), values,
                rules.forPeriod(YearMonth.from(asOf).atDay(1), asOf), v.period, bottomN)) {
            NationalStanding s = new NationalStanding();
            s.province = v.province;
            s.city = v.city;
            s.period = v.period;
            s.asOf = v.asOf;
            s.asOfEnd = v.asOfEnd;
            s.tablePeriod = e.tablePeriod();
            s.n = e.n();
            s.composite = e.composite();
            s.rank = e.rank();
            s.of = e.of();
            s.inBottom = e.inBottom();
            s.neededComposite = e.neededComposite();
            s.reduction = e.reduction();
            s.dailyComposite = e.dailyComposite();
            s.pm25 = e.pm25();
            s.neededPm25 = e.neededPm25();
            s.dailyPm25 = e.dailyPm25();
            out.collect(s);
        }
    }
}
