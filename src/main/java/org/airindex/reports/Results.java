package org.airindex.reports;

import java.util.List;
import org.airindex.domain.PeriodValues;

/**
 * The job's results a report reads, whichever store holds them (a replay's tables, InfluxDB), with every
 * version a day produced: a period's values, rankings, gaps and money as of each day ({@link AsOf} picks the
 * version of a report's day). Values are as the job wrote them; a missing value is null. Places are keys such
 * as {@code 山西省/太原市/清徐县}; days are ISO dates, periods {@code 2026-08} (month) or {@code 2026-01..2026-08}
 * (year to date).
 */
public interface Results {
    /** The period values of the places of a level, as of each day. */
    List<PlacePeriod> periods(String level);

    List<Average> averages();

    List<Rank> rankings();

    List<Gap> gaps();

    List<Money> money();

    /** Why places were not settled (or settled flagged), as of each day. */
    List<Note> notes();

    /** Each station's part in its place's gap to the provincial average value (months), as of each day. */
    List<Contribution> contributions();

    /** The cities' national estimates, as of each day (none where no national table is configured). */
    List<National> national();

    /** The daily values of the places of a level. */
    List<Day> days(String level);

    /** Every alert with its last state. */
    List<Alert> alerts();

    /** @param values the period's six statistics as reported (the composite index's inputs), any may be null */
    record PlacePeriod(String place, String period, String asOf, Double pm25, Double composite, int validDays,
            boolean valid, Double compositeLastYear, Double compositeChange, Double pm25LastYear, Double pm25Change,
            PeriodValues values) {
    }

    /** The provincial average value and average improvement rate (percent) each place is compared with. */
    record Average(String province, String kind, String period, String asOf, Double composite, Double pm25,
            Double compositeChange, Double pm25Change, int places) {
    }

    /** A competition rank (1, 1, 3), smaller values first; bottomOf is the smallest bottom N holding the place. */
    record Rank(String province, String period, String asOf, String metric, int rank, String place, double value,
            Integer bottomOf) {
    }

    /**
     * How far a place is from a target: {@code provincial_average} or {@code leave_bottom_N}; reduction is how
     * far the period value must fall, dailyNeeded the daily level needed over the rest of the period.
     */
    record Gap(String place, String period, String asOf, String indicator, String target, double current,
            Double targetValue, double reduction, Double dailyNeeded) {
    }

    /** A settled comparison: positive = reward, negative = penalty, whole CNY. */
    record Money(String place, String period, String asOf, String indicator, String comparison, long amountCny,
            boolean illustrative) {
    }

    record Note(String place, String kind, String period, String asOf, String reason, String detail) {
    }

    /**
     * A station's month value on an indicator ({@code composite}, {@code pm25}), its place's, the difference, its
     * share of its place's stations' summed gap to the provincial average value, and its rank by share (largest
     * first) among {@code stations}; null where there is none.
     */
    record Contribution(String place, String station, String period, String asOf, String indicator, Double value,
            Double placeValue, Double difference, Double share, Integer rank, int stations) {
    }

    /**
     * A city's estimated national rank among the other cities of the published month {@code tablePeriod}, and
     * what leaving the bottom {@code n} takes (null where the city is out of it).
     */
    record National(String city, String period, String asOf, String tablePeriod, int n, double composite, int rank,
            int of, boolean inBottom, Double neededComposite, double reduction, Double dailyComposite, Double pm25,
            Double neededPm25, Double dailyPm25) {
    }

    /** A place's day: the daily AQI (null when not published), category, primary pollutant, PM2.5 µg/m³. */
    record Day(String place, String date, Double pm25, Integer aqi, String category, String primary, boolean valid) {
    }

    /**
     * An alert: its type (episode, a station data rule, target), highest level, place (a station's is
     * county/station), start and end (local time {@code yyyy-MM-ddTHH:mm}, end empty while open).
     */
    record Alert(String id, String type, String level, String place, String start, String end, String message) {
    }
}
