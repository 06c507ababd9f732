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

    static StationRegistry parse(List<String> lines, String name) {
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").trim().equals(HEADER)) {
            throw new IllegalArgumentException(name + ": the first line must be '" + HEADER + "'");
        }
        List<Station> stations = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 7) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected 7 columns, found " + f.length);
            }
            for (int k = 0; k < 5; k++) {
                if (f[k].isBlank()) {
                    throw new IllegalArgumentException(name + " line " + (i + 1) + ": empty " + HEADER.split(",")[k]);
                }
            }
            try {
                stations.add(new Station(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim(),
                        coordinate(f[5]), coordinate(f[6])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": lat/lon must be numbers or empty");
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

    public Collection<Station> stations() {
        return byCode.values();
    }
}
