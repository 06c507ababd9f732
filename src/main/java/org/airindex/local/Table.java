package org.airindex.local;

import java.util.List;

/** Plain-text tables for terminal summaries, padding by display width (a CJK character is two columns). */
final class Table {

    private Table() {}

    static String row(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            b.append(c).append(" ".repeat(Math.max(1, widths[i] - width(c) + 1)));
        }
        return b.toString().stripTrailing();
    }

    static String text(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    static int width(String s) {
        return s.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0xFF00 && cp <= 0xFFEF) ? 2 : 1).sum();
    }
}
