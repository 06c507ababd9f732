package org.airindex.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The version of results a report of a given day reads: each day the job rewrites a period's values and the
 * province's report of it, and a report on a past day or week must show them as they were then.
 */
final class AsOf {
    private AsOf() {
    }

    /**
     * The rows of the latest version on or before the day, per group: a group's rows (a ranking, a settlement)
     * are one version, so a place that left a later ranking is not kept from an earlier one.
     */
    static <T> List<T> on(String day, List<T> rows, Function<T, String> group, Function<T, String> asOf) {
        Map<String, String> latest = new HashMap<>();
        for (T r : rows) {
            String a = asOf.apply(r);
            if (a.compareTo(day) <= 0) {
                latest.merge(group.apply(r), a, (x, y) -> x.compareTo(y) >= 0 ? x : y);
            }
        }
        return rows.stream().filter(r -> asOf.apply(r).equals(latest.get(group.apply(r)))).toList();
    }
}
