package org.airindex.cli;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.io.csv.TableRow;
import org.airindex.records.DailyValue;
import org.airindex.records.HourlyValue;

/**
 * The cells of replay's CSV tables: concentrations as the standards report them (an empty cell is
 * a missing value), local times with their offset. Hourly and daily rows are formatted in the tasks
 * that produce them ({@link org.airindex.io.csv.CsvPartSink}), so this travels with the job.
 */
final class ReplayRows implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final List<Pollutant> HOURLY_COLUMNS = List.of(Pollutant.SO2, Pollutant.NO2, Pollutant.CO,
            Pollutant.O3, Pollutant.PM10, Pollutant.PM25);
    private static final List<Pollutant> DAILY_COLUMNS = List.of(Pollutant.SO2, Pollutant.NO2, Pollutant.CO,
            Pollutant.PM10, Pollutant.PM25);

    static final List<String> HOURLY_HEADER = List.of("place", "time", "so2", "no2", "co", "o3", "pm10", "pm25", "aqi",
            "category", "primary");
    static final List<String> DAILY_HEADER = List.of("place", "date", "so2", "no2", "co", "pm10", "pm25", "o3_8h_max",
            "o3_1h_max", "aqi", "category", "primary", "valid");

    private final ZoneId zone;

    ReplayRows(ZoneId zone) {
        this.zone = zone;
    }

    static String hourlyTable(String level) {
        return level + "_hourly";
    }

    static String dailyTable(String level) {
        return level + "_daily";
    }

    TableRow hourly(HourlyValue v) {
        List<String> row = new ArrayList<>(HOURLY_HEADER.size());
        row.add(v.placeKey());
        row.add(time(v.hourEnd));
        for (Pollutant p : HOURLY_COLUMNS) {
            row.add(reported(p, v.value(p)));
        }
        row.addAll(List.of(text(v.aqi), text(v.category), text(v.primary)));
        return new TableRow(hourlyTable(v.level), v.hourEnd, row);
    }

    TableRow daily(DailyValue v) {
        List<String> row = new ArrayList<>(DAILY_HEADER.size());
        row.add(v.placeKey());
        row.add(v.date);
        for (Pollutant p : DAILY_COLUMNS) {
            row.add(reported(p, v.value(p)));
        }
        row.addAll(List.of(reported(Pollutant.O3, v.value(Pollutant.O3)), reported(Pollutant.O3, v.o3OneHourMaxValue()),
                text(v.aqi), text(v.category), text(v.primary), Boolean.toString(v.valid)));
        return new TableRow(dailyTable(v.level), v.dayEnd, row);
    }

    String time(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atZone(zone).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String reported(Pollutant p, Number v) {
        return v == null ? "" : Rounding.report(p, v).toPlainString();
    }

    static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A value that may be missing, as {@link #num(double)} writes it, or an empty cell. */
    static String optionalNum(Double v) {
        return v == null ? "" : num(v);
    }

    static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}
