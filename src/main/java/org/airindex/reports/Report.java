package org.airindex.reports;

import java.util.List;

/**
 * A report as its writers see it: a title, then sections of paragraphs, tables and charts, in order.
 *
 * @param file the base name of its files ({@code file.html}, {@code file.pdf})
 */
public record Report(String file, String title, List<String> intro, List<Section> sections) {
    /** A numbered part of a report; any of its lists may be empty. */
    public record Section(String heading, List<String> paragraphs, List<Table> tables, List<Chart> charts) {
    }
}
