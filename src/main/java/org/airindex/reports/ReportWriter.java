package org.airindex.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.airindex.io.csv.CsvWriter;
import org.airindex.reports.Report.Section;

/**
 * Writes a report into a folder: {@code NAME.html} (opens in a browser, the charts beside it),
 * {@code NAME.pdf} (the same page, the font embedded), a PNG per chart and a CSV per table.
 */
public final class ReportWriter {
    static {
        // openhtmltopdf logs every step at INFO through java.util.logging; its warnings still show.
        XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.WARNING));
    }

    private final ReportFonts fonts;

    /** @param fonts TrueType files (the configuration's reports.fonts), looked up in order per character */
    public ReportWriter(List<Path> fonts) {
        this.fonts = new ReportFonts(fonts);
    }

    /** @return the files written */
    public List<Path> write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Section s : report.sections()) {
            for (Chart c : s.charts()) {
                Path png = dir.resolve(c.file() + ".png");
                ChartImage.write(c, fonts, png);
                written.add(png);
            }
            for (Table t : s.tables()) {
                Path csv = dir.resolve(t.file() + ".csv");
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    CsvWriter out = new CsvWriter(w);
                    out.writeRow(t.header());
                    for (List<String> row : t.rows()) {
                        out.writeRow(row);
                    }
                    out.flush();
                }
                written.add(csv);
            }
        }
        String page = page(report, fonts.count());
        Path html = dir.resolve(report.file() + ".html");
        Files.writeString(html, page, StandardCharsets.UTF_8);
        written.add(html);
        Path pdf = dir.resolve(report.file() + ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            fonts.register(builder);
            builder.withHtmlContent(page, dir.toUri().toString());
            builder.toStream(out);
            builder.run();
        }
        written.add(pdf);
        return written;
    }

    /** The XHTML page; the PDF renderer knows the fonts by the names they were registered under, a browser by their own. */
    static String page(Report report, int fontCount) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n")
                .raw("<meta charset=\"utf-8\"/>\n<title>").text(report.title()).raw("</title>\n")
                .raw("<style>\n@page { size: A4; margin: 16mm 12mm; }\n")
                .raw("body { font-family: " + ReportFonts.cssFamily(fontCount) + ";")
                .raw(" font-size: 10.5pt; color: #111; }\n")
                .raw("h1 { font-size: 17pt; text-align: center; } h2 { font-size: 13pt; margin-top: 14pt; }\n")
                .raw("table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt 0; font-size: 9pt;")
                .raw(" -fs-table-paginate: paginate; }\n tr { page-break-inside: avoid; }\n")
                .raw("th, td { border: 0.6pt solid #777; padding: 2pt 4pt; } th { background: #e8eef4; }\n")
                .raw("td { white-space: nowrap; text-align: right; } td:first-child, td:nth-child(2) { text-align: left; }\n")
                .raw("td.text { white-space: normal; text-align: left; }\n")
                .raw("caption { text-align: left; font-weight: bold; padding-bottom: 3pt; }\n")
                .raw("img { max-width: 100%; }\n</style>\n</head>\n<body>\n");
        h.element("h1", report.title()).raw("\n");
        report.intro().forEach(p -> h.element("p", p).raw("\n"));
        for (Section s : report.sections()) {
            h.element("h2", s.heading()).raw("\n");
            s.paragraphs().forEach(p -> h.element("p", p).raw("\n"));
            for (Chart c : s.charts()) {
                h.raw("<p><img src=\"").text(c.file() + ".png").raw("\" alt=\"").text(c.title()).raw("\"/></p>\n");
            }
            for (Table t : s.tables()) {
                h.raw("<table>\n<caption>").text(t.caption()).raw("</caption>\n<thead>").row(true, t.header())
                        .raw("</thead>\n<tbody>\n");
                t.rows().forEach(r -> h.row(false, r));
                h.raw("</tbody>\n</table>\n");
            }
        }
        return h.raw("</body>\n</html>\n").toString();
    }
}
