package fr.raccroche.indicators.internal;

import fr.raccroche.indicators.Figure;
import fr.raccroche.indicators.IndicatorReport.Line;
import fr.raccroche.indicators.IndicatorReport.TrendPoint;
import java.util.List;
import java.util.Locale;

/**
 * The page's charts as inline SVG drawn on the server (the page's CSP allows no script from
 * elsewhere and needs none for this): bars per perimeter, lines across the published quarters. A
 * masked count has no bar or point, only its "{@code < 5}" text. Every text is XML-escaped.
 *
 * <p>Each chart is an image to assistive technologies ({@code role="img"}) whose name ({@code
 * aria-label} and {@code <title>}) says what it shows and gives every figure; the page also offers
 * the same figures as a table. The two series differ by more than their colour: each bar is
 * labelled I1 or I2, the I2 line is dashed with square points, each point is labelled with both
 * values.
 */
public final class SvgCharts {
  private static final String I1 = "#1f4e79";
  // Dark orange: 3:1 at least against white, as a graphic needs (the former #e08a1e had 2.6:1).
  private static final String I2 = "#a85400";

  private SvgCharts() {}

  public static String bars(List<Line> lines) {
    int slot = 150;
    int width = Math.max(320, 50 + slot * lines.size());
    int height = 220;
    int bottom = 190;
    int plot = 140;
    long max = 1;
    for (Line l : lines) {
      max = Math.max(max, Math.max(l.leavers().longValue(), l.takenInCharge().longValue()));
    }
    StringBuilder s = open(width, height, barsSummary(lines));
    legend(s);
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"40\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
            bottom,
            width - 10,
            bottom));
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      int x = 50 + i * slot;
      bar(s, x, bottom, plot, max, l.leavers(), I1, "I1");
      bar(s, x + 44, bottom, plot, max, l.takenInCharge(), I2, "I2");
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>",
              x,
              bottom + 26,
              escape(l.label())));
    }
    return s.append("</svg>").toString();
  }

  public static String trend(List<TrendPoint> points) {
    int step = 120;
    int width = Math.max(320, 90 + step * Math.max(1, points.size() - 1));
    int height = 220;
    int bottom = 180;
    int plot = 130;
    long max = 1;
    for (TrendPoint p : points) {
      max = Math.max(max, Math.max(p.leavers().longValue(), p.takenInCharge().longValue()));
    }
    StringBuilder s = open(width, height, trendSummary(points));
    legend(s);
    for (int series = 0; series < 2; series++) {
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < points.size(); i++) {
        Figure f = series == 0 ? points.get(i).leavers() : points.get(i).takenInCharge();
        if (f.masked()) {
          continue;
        }
        int x = 50 + i * step;
        long y = bottom - plot * f.longValue() / max;
        path.append(path.length() == 0 ? "" : " ").append(x).append(',').append(y);
        s.append(
            series == 0
                ? String.format(
                    Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"/>", x, y, I1)
                : String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"7\" height=\"7\" fill=\"%s\"/>",
                    x - 3,
                    y - 3,
                    I2));
      }
      if (path.length() > 0) {
        s.append(
            String.format(
                Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                path,
                series == 0 ? I1 : I2,
                series == 0 ? "" : " stroke-dasharray=\"6 3\""));
      }
    }
    for (int i = 0; i < points.size(); i++) {
      TrendPoint p = points.get(i);
      int x = 50 + i * step;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>"
                  + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
              x,
              bottom + 18,
              escape(p.quarter()),
              x,
              bottom + 33,
              escape("I1 " + p.leavers().text() + " / I2 " + p.takenInCharge().text())));
    }
    return s.append("</svg>").toString();
  }

  /** The bar chart in words: what it shows, then each perimeter's two figures. */
  static String barsSummary(List<Line> lines) {
    StringBuilder b =
        new StringBuilder("Diagramme en barres des jeunes repérés (I1) et pris en charge (I2)")
            .append(" par périmètre");
    if (lines.isEmpty()) {
      return b.append(" : aucun périmètre.").toString();
    }
    b.append(" : ");
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      b.append(i == 0 ? "" : " ; ")
          .append(l.label())
          .append(", I1 ")
          .append(l.leavers().text())
          .append(", I2 ")
          .append(l.takenInCharge().text());
    }
    return b.append(".").toString();
  }

  /** The trend in words: what it shows, then each published quarter's two figures. */
  static String trendSummary(List<TrendPoint> points) {
    StringBuilder b =
        new StringBuilder("Courbes des jeunes repérés (I1) et pris en charge (I2)")
            .append(" par trimestre publié : ");
    for (int i = 0; i < points.size(); i++) {
      TrendPoint p = points.get(i);
      b.append(i == 0 ? "" : " ; ")
          .append(p.quarter())
          .append(", I1 ")
          .append(p.leavers().text())
          .append(", I2 ")
          .append(p.takenInCharge().text());
    }
    return b.append(".").toString();
  }

  private static StringBuilder open(int width, int height, String summary) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"%s\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><title>%s</title>",
            escape(summary),
            width,
            height,
            width,
            height,
            escape(summary)));
  }

  private static void legend(StringBuilder s) {
    s.append(
        "<rect x=\"40\" y=\"6\" width=\"10\" height=\"10\" fill=\""
            + I1
            + "\"/><text x=\"54\" y=\"15\" font-size=\"12\">I1 repérés</text>"
            + "<rect x=\"140\" y=\"6\" width=\"10\" height=\"10\" fill=\""
            + I2
            + "\"/><text x=\"154\" y=\"15\" font-size=\"12\">I2 pris en charge</text>");
  }

  private static void bar(
      StringBuilder s,
      int x,
      int bottom,
      int plot,
      long max,
      Figure value,
      String color,
      String series) {
    long h = value.masked() ? 0 : plot * value.longValue() / max;
    if (h > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"40\" height=\"%d\" fill=\"%s\"/>",
              x,
              bottom - h,
              h,
              color));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>",
            x + 20,
            bottom - h - 4,
            escape(value.text())));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
            x + 20,
            bottom + 12,
            series));
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
