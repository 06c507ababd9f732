package org.airindex.reports;

/** A figure of a report, written as {@code file.png} beside the HTML page and embedded in the PDF. */
public sealed interface Chart permits BarChart, LineChart {
    String file();

    String title();
}
