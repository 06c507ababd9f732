package org.airindex.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * STANDARDS.md §2 typed in again by hand, independently of conf/standards, so the tests check the
 * data files against the standard rather than against themselves. CO values are in tenths of mg/m³
 * so every breakpoint is an integer.
 */
final class HandTables {
    static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};

    private HandTables() {
    }

    /** Column → breakpoints (CO ×10). */
    static Map<String, long[]> columns(String ruleSet) {
        boolean y2026 = !ruleSet.equals("2012");
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put("so2_24h", new long[] {0, 50, 150, 475, 800, 1600, 2100, 2620});
        m.put("so2_1h", new long[] {0, 150, 500, 650, 800});
        m.put("no2_24h", new long[] {0, 40, 80, 180, 280, 565, 750, 940});
        m.put("no2_1h", new long[] {0, 100, 200, 700, 1200, 2340, 3090, 3840});
        m.put("co_24h", new long[] {0, 20, 40, 140, 240, 360, 480, 600});
        m.put("co_1h", new long[] {0, 50, 100, 350, 600, 900, 1200, 1500});
        m.put("o3_1h", new long[] {0, 160, 200, 300, 400, 800, 1000, 1200});
        m.put("o3_8h", new long[] {0, 100, 160, 215, 265, 800});
        m.put("pm10_24h", new long[] {0, 50, y2026 ? 120 : 150, 250, 350, 420, 500, 600});
        m.put("pm25_24h", new long[] {0, 35, y2026 ? 60 : 75, 115, 150, 250, 350, 500});
        return m;
    }

    /** Tenths for CO, units otherwise: the resolution concentrations are reported in. */
    static double scale(String column) {
        return column.startsWith("co") ? 10.0 : 1.0;
    }

    /** Independent oracle: IAQI of an integer concentration (in column units ×scale), by exact integer ceiling. */
    static int iaqi(long[] bp, long c) {
        for (int i = 1; i < bp.length; i++) {
            if (c <= bp[i]) {
                long num = (long) (IAQI[i] - IAQI[i - 1]) * (c - bp[i - 1]);
                long den = bp[i] - bp[i - 1];
                return IAQI[i - 1] + (int) ((num + den - 1) / den);
            }
        }
        throw new IllegalArgumentException("above top");
    }
}
