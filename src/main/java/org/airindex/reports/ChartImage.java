package org.airindex.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws a {@link BarChart} as a PNG, its labels in the report's font so that Chinese names render. */
final class ChartImage {
    private static final int WIDTH = 900;
    private static final int BAR = 18;
    private static final int GAP = 6;
    private static final int TOP = 48;
    private static final int BOTTOM = 36;
    private static final float LABEL = 13f;

    private ChartImage() {
    }

    static void write(BarChart chart, ReportFonts fonts, Path file) throws IOException {
        int height = TOP + BOTTOM + chart.values().size() * (BAR + GAP);
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            fonts.draw(g, chart.title(), 18f, 12, 28);
            int labelWidth = 12;
            for (String l : chart.labels()) {
                labelWidth = Math.max(labelWidth, fonts.width(g, l, LABEL) + 16);
            }
            double max = chart.reference() == null ? 0 : chart.reference();
            for (Double v : chart.values()) {
                max = Math.max(max, v == null ? 0 : v);
            }
            int plotWidth = WIDTH - labelWidth - 70;
            double scale = max <= 0 ? 0 : plotWidth / max;
            for (int i = 0; i < chart.values().size(); i++) {
                int y = TOP + i * (BAR + GAP);
                g.setColor(Color.BLACK);
                fonts.draw(g, chart.labels().get(i), LABEL, 8, y + BAR - 4);
                Double v = chart.values().get(i);
                if (v != null) {
                    boolean above = chart.reference() != null && v > chart.reference();
                    g.setColor(above ? new Color(0xC0392B) : new Color(0x2E86C1));
                    int w = (int) Math.round(v * scale);
                    g.fillRect(labelWidth, y, w, BAR);
                    g.setColor(Color.BLACK);
                    fonts.draw(g, BulletinReport.fixed(v, 2), LABEL, labelWidth + w + 4, y + BAR - 4);
                }
            }
            if (chart.reference() != null) {
                int x = labelWidth + (int) Math.round(chart.reference() * scale);
                g.setColor(Color.DARK_GRAY);
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
                g.drawLine(x, TOP - 6, x, height - BOTTOM + 4);
                String label = chart.referenceLabel();
                fonts.draw(g, label, LABEL, Math.min(x + 4, WIDTH - fonts.width(g, label, LABEL) - 4), height - BOTTOM + 22);
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }
}
