package org.airindex.config;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvFormatException;
import org.airindex.io.csv.CsvRecord;

/** The station registry ({@code conf/stations.csv}): which stations exist and where they are. */
public final class StationRegistry implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String HEADER = "station,name,county,city,province,lat,lon";

    private final Map<String, Station> byCode;

    public StationRegistry(Collection<Station> stations) {
        Map<String, Station> map = new LinkedHashMap<>();
        for (Station s : stations) {
            if (map.put(s.code(), s) != null) {
                throw new IllegalArgumentException("station " + s.code() + " is listed twice");
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    public static StationRegistry load(Path csv) {
        try {
            return parse(Files.readAllLines(csv, StandardCharsets.UTF_8), csv.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read station registry " + csv + ": " + e.getMessage(), e);
        }
    }

    /**
     * The registry from its CSV lines (RFC 4180: a name may be quoted and hold commas or quotes; lines
     * starting with # are comments). Errors name the file and line.
     */
    static StationRegistry parse(List<String> lines, String name) {
        List<CsvRecord> records;
        try {
            records = Csv.records(String.join("\n", lines), Csv.CONFIG);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException(name + ": not CSV: " + e.getMessage(), e);
        }
        if (records.isEmpty() || !String.join(",", records.get(0).fields()).replace(" ", "").equals(HEADER)) {
            throw new IllegalArgumentException(name + ": the first line must be '" + HEADER + "'");
        }
        List<Station> stations = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            List<String> r = record.fields();
            String where = name + " line " + record.line();
            if (r.size() != 7) {
                throw new IllegalArgumentException(where + ": expected 7 columns, found " + r.size());
            }
            for (int k = 0; k < 5; k++) {
                if (r.get(k).isBlank()) {
                    throw new IllegalArgumentException(where + ": empty " + HEADER.split(",")[k]);
                }
            }
            try {
                stations.add(new Station(r.get(0).trim(), r.get(1).trim(), r.get(2).trim(), r.get(3).trim(),
                        r.get(4).trim(), coordinate(r.get(5)), coordinate(r.get(6))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": lat/lon must be numbers or empty");
            }
        }
        return new StationRegistry(stations);
    }

    /** An empty cell is an unknown coordinate. */
    private static Double coordinate(String cell) {
        return cell.isBlank() ? null : Double.parseDouble(cell.trim());
    }

    /** The station, or null when the registry does not know it. */
    public Station get(String code) {
        return byCode.get(code);
    }

    /** The province of every station, for commands that concern one province and are not told which. */
    public String onlyProvince() {
        TreeSet<String> provinces = new TreeSet<>();
        stations().forEach(s -> provinces.add(s.province()));
        if (provinces.size() != 1) {
            throw new IllegalArgumentException("the station registry has " + provinces.size() + " provinces "
                    + provinces + ": name one with --province");
        }
        return provinces.first();
    }

    public Collection<Station> stations() {
        return byCode.values();
    }
}
