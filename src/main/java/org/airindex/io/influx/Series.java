package org.airindex.io.influx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One series of an InfluxQL result: rows of {@code values} under {@code columns}, for one measurement and
 * one combination of GROUP BY tags.
 *
 * <p>Numbers come back as {@link Long} or {@link Double} as the JSON spells them; InfluxDB prints a float
 * field holding 35.0 as {@code 35}, so compare numeric fields via {@link Number#doubleValue()}.
 */
public record Series(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {

    public Series {
        tags = Map.copyOf(tags);
        columns = List.copyOf(columns);
        values = values.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    /** Each row as column name to value, in column order; null for a field the point does not have. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>(values.size());
        for (List<Object> row : values) {
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                named.put(columns.get(i), row.get(i));
            }
            rows.add(named);
        }
        return rows;
    }
}
