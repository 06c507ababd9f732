package org.airindex.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import org.airindex.config.AirIndexConfig;
import org.airindex.domain.province.RewardScheme;

/** The three reports of a province under a configuration: its assessed level and its scheme's bottom-N sizes. */
public final class Reports {
    private Reports() {
    }

    public static Report daily(Results results, String province, LocalDate day, AirIndexConfig config) {
        return DailyReport.of(DailyAnalysis.of(results, province, day, config.province.assessed));
    }

    /** @param week an ISO week such as {@code 2026-W33} */
    public static Report weekly(Results results, String province, String week, AirIndexConfig config) {
        return WeeklyReport.of(WeeklyDispatch.of(results, province, week, config.province.assessed));
    }

    public static Report monthly(Results results, String province, YearMonth month, AirIndexConfig config) {
        RewardScheme scheme = RewardScheme.fileOrDefault(config.province.scheme,
                AirIndexConfig.names(config.province.scheme));
        return BulletinReport.of(MonthlyBulletin.of(results, province, month, config.province.assessed,
                scheme.comparison().bottomN()));
    }

    /** The last day of an ISO week {@code 2026-W33}: its Sunday. */
    public static LocalDate sunday(String week) {
        return WeeklyDispatch.monday(week).plusDays(6);
    }

    /** The ISO week a day belongs to, as {@code 2026-W33}. */
    public static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
