package org.airindex.reports;

import java.util.ArrayList;
import java.util.List;
import org.airindex.domain.PeriodValues;

/**
 * Hand-made results of a small province, for tests whose expectations are worked out by hand: 甲省 with the
 * cities 甲市 (一区, 二区) and 乙市 (一区, 三县), two counties of the same name. August 2026 is settled as of the
 * 31st (an earlier version of the 30th must not be read), 三县 is outside the scheme's scope, 乙市一区 and 三县 tie
 * for the worst composite index (the bottom 1 holds both), and 2026-W33 (10–16 August) has versions as of the
 * 9th and 16th.
 */
final class SampleResults implements Results {
    static final String P = "甲省";
    static final String A1 = "甲省/甲市/一区";
    static final String A2 = "甲省/甲市/二区";
    static final String B1 = "甲省/乙市/一区";
    static final String B3 = "甲省/乙市/三县";

    final List<PlacePeriod> periods = new ArrayList<>();
    final List<Average> averages = new ArrayList<>();
    final List<Rank> rankings = new ArrayList<>();
    final List<Gap> gaps = new ArrayList<>();
    final List<Money> money = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    final List<Day> days = new ArrayList<>();
    final List<Day> provinceDays = new ArrayList<>();
    final List<Alert> alerts = new ArrayList<>();
    final List<National> national = new ArrayList<>();
    final List<Contribution> contributions = new ArrayList<>();

    static SampleResults province() {
        SampleResults r = new SampleResults();
        String m = "2026-08";
        // The version of the 30th: every figure off, so that reading it shows.
        r.averages.add(new Average(P, "month", m, "2026-08-30", 9.99, 99.0, 9.9, 9.9, 4));
        r.money.add(new Money(A1, m, "2026-08-30", "composite", "average_value", -999_999, true));
        r.rankings.add(new Rank(P, m, "2026-08-30", "composite", 1, B3, 1.0, null));
        for (String key : List.of(A1, A2, B1, B3)) {
            r.periods.add(new PlacePeriod(key, m, "2026-08-30", 9.0, 9.99, 30, true, null, null, null, null, values(9.0)));
        }
        // As of the 31st.
        r.periods.add(new PlacePeriod(A1, m, "2026-08-31", 30.0, 3.5, 31, true, 3.89, -10.0, 34.1, -12.0, values(30.0)));
        r.periods.add(new PlacePeriod(A2, m, "2026-08-31", 35.0, 4.0, 31, true, 3.92, 2.0, 33.3, 5.0, values(35.0)));
        r.periods.add(new PlacePeriod(B1, m, "2026-08-31", 45.0, 5.0, 31, true, 4.63, 8.0, 40.9, 10.0, values(45.0)));
        r.periods.add(new PlacePeriod(B3, m, "2026-08-31", 50.0, 5.0, 31, true, 5.05, -1.0, 50.0, 0.0, values(50.0)));
        r.averages.add(new Average(P, "month", m, "2026-08-31", 4.375, 40.0, -0.25, 0.75, 4));
        r.rankings.add(new Rank(P, m, "2026-08-31", "composite", 1, A1, 3.5, null));
        r.rankings.add(new Rank(P, m, "2026-08-31", "composite", 2, A2, 4.0, 3));
        r.rankings.add(new Rank(P, m, "2026-08-31", "composite", 3, B1, 5.0, 1));
        r.rankings.add(new Rank(P, m, "2026-08-31", "composite", 3, B3, 5.0, 1));
        r.rankings.add(new Rank(P, m, "2026-08-31", "pm25", 1, A1, 30.0, null));
        r.rankings.add(new Rank(P, m, "2026-08-31", "pm25", 2, A2, 35.0, null));
        r.rankings.add(new Rank(P, m, "2026-08-31", "pm25", 3, B1, 45.0, 3));
        r.rankings.add(new Rank(P, m, "2026-08-31", "pm25", 4, B3, 50.0, 1));
        r.settle(A1, "2026-08-31", 150_000, 50_000, 1_000_000, 50_000);
        r.settle(A2, "2026-08-31", 37_500, -22_500, 500_000, -42_500);
        r.settle(B1, "2026-08-31", -62_500, -82_500, -500_000, -92_500);
        r.notes.add(new Note(B3, "month", m, "2026-08-31", "not_assessed", "not in last year's bottom 20, PM2.5 not above 40"));
        // September's first day must not reach August's bulletin.
        r.averages.add(new Average(P, "month", "2026-09", "2026-09-01", 1.0, 1.0, 1.0, 1.0, 4));

        // 2026-W33: ranks as of Sunday the 9th and Sunday the 16th.
        r.periods.add(new PlacePeriod(A1, m, "2026-08-16", 31.0, 3.6, 16, true, 3.9, -7.7, 34.0, -8.8, values(31.0)));
        r.periods.add(new PlacePeriod(A2, m, "2026-08-16", 36.0, 3.7, 16, true, 3.8, -2.6, 33.0, 9.1, values(36.0)));
        r.averages.add(new Average(P, "month", m, "2026-08-16", 3.65, 33.5, -5.15, 0.15, 2));
        r.rankings.add(new Rank(P, m, "2026-08-09", "composite", 1, A2, 3.4, null));
        r.rankings.add(new Rank(P, m, "2026-08-09", "composite", 2, A1, 3.5, 1));
        r.rankings.add(new Rank(P, m, "2026-08-16", "composite", 1, A1, 3.6, null));
        r.rankings.add(new Rank(P, m, "2026-08-16", "composite", 2, A2, 3.7, 1));
        r.gaps.add(new Gap(A2, m, "2026-08-16", "composite", "provincial_average", 3.7, 3.6, 0.1, 3.51));
        r.gaps.add(new Gap(A2, m, "2026-08-09", "composite", "provincial_average", 3.4, 3.5, 0.0, 3.6));
        r.money.add(new Money(A1, m, "2026-08-16", "pm25", "average_value", 250_000, false));
        r.money.add(new Money(A2, m, "2026-08-16", "pm25", "average_value", -250_000, false));
        r.money.add(new Money(A2, m, "2026-08-16", "composite", "average_value", -5_000, true));

        // The summer ozone campaign to date: the version of the 16th is the week's, that of the 9th comes before it; the
        // autumn-winter campaign ended in March and is not the week's.
        String ozone = "ozone-summer 2026-05-01..2026-09-30";
        r.averages.add(new Average(P, "ozone-summer", ozone, "2026-08-09", 9.9, 99.0, 9.9, 9.9, 2));
        r.averages.add(new Average(P, "ozone-summer", ozone, "2026-08-16", 4.05, 41.5, -3.25, -4.05, 2));
        r.periods.add(new PlacePeriod(A1, ozone, "2026-08-16", 43.0, 4.2, 108, true, 4.5, -6.7, 45.0, -4.4, values(43.0)));
        r.periods.add(new PlacePeriod(A2, ozone, "2026-08-16", 40.0, 3.9, 108, true, 3.9, 0.0, 42.0, -4.8, values(40.0)));
        r.periods.add(new PlacePeriod(A2, ozone, "2026-08-09", 99.0, 9.9, 101, true, null, null, null, null, values(99.0)));
        r.rankings.add(new Rank(P, ozone, "2026-08-16", "composite", 1, A2, 3.9, null));
        r.rankings.add(new Rank(P, ozone, "2026-08-16", "composite", 2, A1, 4.2, 1));
        r.averages.add(new Average(P, "autumn-winter", "autumn-winter 2025-10-01..2026-03-31", "2026-03-31", 5.0, 50.0,
                1.0, 1.0, 4));

        // 甲市's national estimates: the version of the 16th is the week's, that of the 20th comes after it.
        r.national.add(new National("甲省/甲市", m, "2026-08-16", "2026-07", 10, 4.2, 160, 168, true, 4.0, 0.2, 3.9,
                40.0, 33.0, 27.5));
        r.national.add(new National("甲省/甲市", m, "2026-08-16", "2026-07", 20, 4.2, 160, 168, true, 3.5, 0.7, 2.9,
                40.0, 15.5, -9.0));
        r.national.add(new National("甲省/甲市", m, "2026-08-20", "2026-07", 10, 3.9, 150, 168, false, null, 0, null,
                38.0, null, null));

        // 甲市一区's stations as of the 15th (averages 3.65 and 33.5, the county at 3.60 and 31): PM2.5 36, 29, 28 are
        // gaps 2.5, −4.5, −5.5 of −7.5, shares −1/3, 0.6, 11/15; composite 3.90, 3.40, 3.50 are gaps 0.25, −0.25,
        // −0.15 of −0.15, shares −5/3, 5/3, 1. The versions of the 14th and the 16th must not be read.
        r.contribute("2026-08-14", "1001A", "pm25", 99.0, 99.0, 0.0, 1.0, 1);
        r.contribute("2026-08-15", "1001A", "composite", 3.9, 3.6, 0.3, -5.0 / 3, 3);
        r.contribute("2026-08-15", "1002A", "composite", 3.4, 3.6, -0.2, 5.0 / 3, 1);
        r.contribute("2026-08-15", "1003A", "composite", 3.5, 3.6, -0.1, 1.0, 2);
        r.contribute("2026-08-15", "1001A", "pm25", 36.0, 31.0, 5.0, -1.0 / 3, 3);
        r.contribute("2026-08-15", "1002A", "pm25", 29.0, 31.0, -2.0, 0.6, 2);
        r.contribute("2026-08-15", "1003A", "pm25", 28.0, 31.0, -3.0, 11.0 / 15, 1);
        r.contribute("2026-08-16", "1001A", "pm25", 99.0, 99.0, 0.0, 1.0, 1);

        // 15 August, and the same day a year before.
        r.days.add(new Day(A1, "2026-08-15", 30.0, 50, "优", "", true));
        r.days.add(new Day(A2, "2026-08-15", 35.0, 60, "良", "pm25", true));
        r.days.add(new Day(B1, "2026-08-15", 45.0, 80, "良", "pm25", true));
        r.days.add(new Day(B3, "2026-08-15", 50.0, 80, "良", "pm10;pm25", true));
        r.days.add(new Day(A1, "2025-08-15", 40.0, 56, "良", "pm25", true));
        r.days.add(new Day(B1, "2025-08-15", 50.0, 70, "良", "pm25", true));
        r.provinceDays.add(new Day(P, "2026-08-15", 40.0, 68, "良", "pm25", true));
        r.provinceDays.add(new Day(P, "2026-08-14", 42.0, 70, "良", "pm25", true));
        r.provinceDays.add(new Day(P, "2025-08-15", 44.0, 62, "良", "pm25", true));
        r.alerts.add(new Alert("e1", "episode", "yellow", B1, "2026-08-15T03:00:00+08:00", "",
                "甲省/乙市/一区 达到重污染天气黄色预警条件。 yellow"));
        r.alerts.add(new Alert("f1", "flat_line.pm25", "suspect", A2 + "/1001A", "2026-08-15T10:00:00+08:00",
                "2026-08-15T16:00:00+08:00", "站点 1001A pm25 已连续6小时为同一数值。 flat"));
        r.alerts.add(new Alert("b1", "bottom_n.composite", "bottom_1", B3, "2026-08-15T00:00:00+08:00", "",
                "后1名。 bottom"));
        r.alerts.add(new Alert("e0", "episode", "orange", A1, "2026-08-14T20:00:00+08:00", "2026-08-16T05:00:00+08:00",
                "甲省/甲市/一区 达到重污染天气橙色预警条件。 orange"));
        return r;
    }

    /** Statistics whose PM2.5 is the period's; the others fixed (µg/m³, CO mg/m³). */
    static PeriodValues values(double pm25) {
        return PeriodValues.of(10, 30, 60, pm25, 1.2, 150);
    }

    private void contribute(String asOf, String station, String indicator, double value, double county,
            double difference, double share, int rank) {
        contributions.add(new Contribution(A1, station, "2026-08", asOf, indicator, value, county, difference, share,
                rank, 3));
    }

    /** Illustrative coefficients for every comparison but PM2.5 against the average value, as in the seed scheme. */
    private void settle(String place, String asOf, long compositeValue, long compositeRate, long pm25Value,
            long pm25Rate) {
        money.add(new Money(place, "2026-08", asOf, "composite", "average_value", compositeValue, true));
        money.add(new Money(place, "2026-08", asOf, "composite", "improvement_rate", compositeRate, true));
        money.add(new Money(place, "2026-08", asOf, "pm25", "average_value", pm25Value, false));
        money.add(new Money(place, "2026-08", asOf, "pm25", "improvement_rate", pm25Rate, true));
    }

    @Override
    public List<PlacePeriod> periods(String level) {
        return level.equals("county") ? periods : List.of();
    }

    @Override
    public List<Average> averages() {
        return averages;
    }

    @Override
    public List<Rank> rankings() {
        return rankings;
    }

    @Override
    public List<Gap> gaps() {
        return gaps;
    }

    @Override
    public List<Money> money() {
        return money;
    }

    @Override
    public List<Note> notes() {
        return notes;
    }

    @Override
    public List<Contribution> contributions() {
        return contributions;
    }

    @Override
    public List<National> national() {
        return national;
    }

    @Override
    public List<Day> days(String level) {
        return level.equals("county") ? days : level.equals("province") ? provinceDays : List.of();
    }

    @Override
    public List<Alert> alerts() {
        return alerts;
    }
}
