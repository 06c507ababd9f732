package org.airindex.reports;

/**
 * XHTML text for reports: well-formed, because the PDF renderer parses it as XML, and escaped, because
 * every name in it comes from data (a station registry, a scheme file).
 */
final class Html {
    /** Cells longer than this are text (a list of places, a reason), left-aligned and wrapped. */
    private static final int LONG_CELL = 24;

    private final StringBuilder out = new StringBuilder();

    /** Text content or an attribute value with its markup characters escaped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // XML 1.0 allows no control characters but tab, newline and carriage return.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Markup written as it is: only ever literals of the page templates. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String s) {
        out.append(escape(s));
        return this;
    }

    /** {@code <tag>text</tag>}, the text escaped. */
    Html element(String tag, String text) {
        return raw("<" + tag + ">").text(text).raw("</" + tag + ">");
    }

    /** A table row of cells, each escaped; th cells for a header row. Figures stay on one line, long text wraps. */
    Html row(boolean header, Iterable<String> cells) {
        raw("<tr>");
        for (String c : cells) {
            if (header) {
                element("th", c);
            } else {
                raw(c.length() > LONG_CELL ? "<td class=\"text\">" : "<td>").text(c).raw("</td>");
            }
        }
        return raw("</tr>\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
