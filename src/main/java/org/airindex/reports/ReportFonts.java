package org.airindex.reports;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The fonts of a report, looked up in order for each character: a Chinese font such as Droid Sans Fallback
 * has no Latin letters or digits, so a Latin font comes first. Checked when loaded, so that a report never
 * shows the empty boxes of a missing glyph.
 */
final class ReportFonts {
    /** Text every report has: Chinese, digits, Latin letters, the signs of its figures. */
    private static final String NEEDED = "综合指数奖励扣缴万元区县排名后名0123456789.+−–%*μg/m³ PMabcABC()（）：，。";
    private static final String FAMILY = "ReportFont";

    private final List<Path> files;
    private final List<Font> fonts = new ArrayList<>();

    ReportFonts(List<Path> files) {
        this.files = List.copyOf(files);
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new ResultsException("the report font " + f + " is missing: install it (Debian: apt-get install -y"
                        + " fonts-dejavu-core fonts-droid-fallback) or list other TrueType fonts as reports.fonts");
            }
            try {
                fonts.add(Font.createFont(Font.TRUETYPE_FONT, f.toFile()));
            } catch (FontFormatException | IOException e) {
                throw new ResultsException("the report font " + f + " is not a TrueType font: " + e.getMessage());
            }
        }
        for (int i = 0; i < NEEDED.length(); i++) {
            char c = NEEDED.charAt(i);
            if (fonts.stream().noneMatch(font -> font.canDisplay(c))) {
                throw new ResultsException("no report font has the character '" + c + "' (reports.fonts: " + files
                        + "): add a font that has it");
            }
        }
    }

    /** The CSS font-family of the page: each font by the name the PDF renderer knows it, then the system's. */
    static String cssFamily(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append('\'').append(FAMILY).append(i).append("', ");
        }
        return b.append("'DejaVu Sans', 'Droid Sans Fallback', sans-serif").toString();
    }

    int count() {
        return files.size();
    }

    void register(PdfRendererBuilder builder) {
        for (int i = 0; i < files.size(); i++) {
            builder.useFont(files.get(i).toFile(), FAMILY + i);
        }
    }

    /** Draws text at (x, y), each run of characters in the first font that has them. */
    void draw(Graphics2D g, String text, float size, int x, int y) {
        int at = x;
        int i = 0;
        while (i < text.length()) {
            Font font = fontFor(text.codePointAt(i));
            int j = i;
            while (j < text.length() && fontFor(text.codePointAt(j)) == font) {
                j += Character.charCount(text.codePointAt(j));
            }
            Font sized = font.deriveFont(Font.PLAIN, size);
            g.setFont(sized);
            String run = text.substring(i, j);
            g.drawString(run, at, y);
            at += g.getFontMetrics(sized).stringWidth(run);
            i = j;
        }
    }

    int width(Graphics2D g, String text, float size) {
        int w = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            w += g.getFontMetrics(fontFor(cp).deriveFont(Font.PLAIN, size)).charWidth(cp);
        }
        return w;
    }

    private Font fontFor(int codePoint) {
        for (Font f : fonts) {
            if (f.canDisplay(codePoint)) {
                return f;
            }
        }
        return fonts.get(0);
    }
}
