package org.airindex.reports;

import java.util.List;

/**
 * The job's results a report reads, whichever store holds them (a replay's tables, InfluxDB). Values are
 * as the job wrote them; a missing value is null. Places are keys such as {@code 山西省/太原市/清徐县}.
 */
public interface Results {
    /** Month-to-date ({@code 2026-08}) or year-to-date ({@code 2026}) values of the places of a level. */
    List<PlacePeriod> periods(String level);

    List<Average> averages();

    List<Rank> rankings();

    List<Money> money();

    List<Note> notes();

    /** The period value of one place, as of the period's last day in the results. */
    record PlacePeriod(String place, String period, Double pm25, Double composite, int validDays, boolean valid,
            String asOf, Double compositeLastYear, Double compositeChange, Double pm25LastYear, Double pm25Change) {
    }

    /** The provincial average value and average improvement rate (percent) each place is compared with. */
    record Average(String province, String kind, String period, String asOf, Double composite, Double pm25,
            Double compositeChange, Double pm25Change, int places) {
    }

    /** A competition rank (1, 1, 3), smaller values first; bottomOf is the smallest bottom N holding the place. */
    record Rank(String province, String period, String metric, int rank, String place, double value,
            Integer bottomOf) {
    }

    /** A settled comparison: positive = reward, negative = penalty, whole CNY. */
    record Money(String place, String period, String indicator, String comparison, long amountCny,
            boolean illustrative) {
    }

    /** Why a place was not settled (or settled flagged) in a period. */
    record Note(String place, String kind, String period, String reason, String detail) {
    }
}
