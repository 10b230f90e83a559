package fr.raccroche.indicators.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import fr.raccroche.indicators.Figure;
import fr.raccroche.indicators.IndicatorReport;
import fr.raccroche.indicators.IndicatorReport.Breakdown;
import fr.raccroche.indicators.IndicatorReport.Line;
import fr.raccroche.indicators.IndicatorReport.ObjectiveView;
import fr.raccroche.indicators.IndicatorReport.TrendPoint;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The report as PDF (OpenPDF): title, département, quarter, date of publication, the tables and the
 * charts (bars per perimeter, trend of the published quarters) drawn as vector graphics, with the
 * same texts as the page and the CSV.
 */
public final class PdfReport {
  private static final Color I1_COLOR = new Color(0x1f, 0x4e, 0x79);
  private static final Color I2_COLOR = new Color(0xe0, 0x8a, 0x1e);
  private static final Color GRID = new Color(0xcc, 0xcc, 0xcc);

  private PdfReport() {}

  public static byte[] write(IndicatorReport r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      // What a screen reader and the reader's title bar need: the language of the text, a title
      // shown instead of the file name. OpenPDF does not tag the content (no structure tree for its
      // paragraphs and tables): the statement says so (accessibility.html).
      writer.getExtraCatalog().put(PdfName.LANG, new PdfString("fr-FR"));
      writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
      doc.addTitle(title(r));
      doc.addSubject("Indicateurs trimestriels des jeunes sortis sans diplôme");
      doc.addCreator("Raccroche");
      doc.open();
      Font title = font(16, Font.BOLD);
      Font h2 = font(12, Font.BOLD);
      Font normal = font(9, Font.NORMAL);
      doc.add(new Paragraph("Indicateurs trimestriels des jeunes sortis sans diplôme", title));
      doc.add(
          new Paragraph(
              "Département "
                  + r.departement()
                  + " — "
                  + r.perimeterName()
                  + " — année scolaire "
                  + r.schoolYear()
                  + " — "
                  + r.quarter()
                  + " ("
                  + r.quarterLabel()
                  + ")",
              h2));
      doc.add(
          new Paragraph(
              "Statut : "
                  + r.statusLabel()
                  + (r.publishedAt() == null
                      ? ""
                      : " — publié le " + CsvReport.DATE_TIME.format(r.publishedAt()))
                  + (r.computedAt() == null
                      ? ""
                      : " — calculé le " + CsvReport.DATE_TIME.format(r.computedAt())),
              normal));
      doc.add(
          new Paragraph(
              "Sorties du "
                  + CsvReport.DATE.format(r.leavingFrom())
                  + " au "
                  + CsvReport.DATE.format(r.leavingTo())
                  + " ; cohorte I3 : premier contact du "
                  + CsvReport.DATE.format(r.cohortFirstContactFrom())
                  + " au "
                  + CsvReport.DATE.format(r.cohortFirstContactTo())
                  + "."
                  + (r.masked()
                      ? " Les effectifs inférieurs à "
                          + r.smallCountThreshold()
                          + " sont masqués (< "
                          + r.smallCountThreshold()
                          + ")."
                      : ""),
              normal));
      if (r.reviewComment() != null) {
        doc.add(new Paragraph("Commentaire des superviseurs : " + r.reviewComment(), normal));
      }
      doc.add(new Paragraph(" "));
      PdfPTable indicators = new PdfPTable(new float[] {5, 1.5f});
      indicators.setWidthPercentage(60);
      indicators.setHorizontalAlignment(Element.ALIGN_LEFT);
      header(indicators, "Indicateur", "Valeur");
      for (String[] kv : CsvReport.indicators(r)) {
        cell(indicators, kv[0], false);
        cell(indicators, kv[1], true);
      }
      doc.add(indicators);

      doc.add(table("Par périmètre", h2, "Périmètre", r.perimeters(), List.of()));
      doc.add(chart(writer, r.perimeters(), r.smallCountThreshold()));

      if (!r.trend().isEmpty()) {
        doc.add(titled("Tendance des trimestres publiés", h2, trend(writer, r.trend())));
      }
      if (!r.objectives().isEmpty()) {
        PdfPTable t = new PdfPTable(new float[] {5, 1, 1, 1, 2, 1});
        t.setWidthPercentage(100);
        heading(t, "Objectifs", h2);
        header(t, "Objectif", "Type", "Cible", "Valeur", "Statut", "Écart");
        for (ObjectiveView o : r.objectives()) {
          cell(t, o.indicatorLabel(), false);
          cell(t, o.kind().equals("RATE") ? "taux" : "effectif", false);
          cell(t, Figure.format(o.target().doubleValue()), true);
          cell(t, o.actual().text(), true);
          cell(t, o.statusLabel(), false);
          cell(t, o.gap().text(), true);
        }
        doc.add(t);
      }
      for (Map.Entry<String, Breakdown> e : r.breakdowns().entrySet()) {
        if (e.getKey().equals("solutionType")) {
          PdfPTable t = new PdfPTable(new float[] {4, 2});
          t.setWidthPercentage(50);
          t.setHorizontalAlignment(Element.ALIGN_LEFT);
          heading(t, e.getValue().title(), h2);
          header(t, e.getValue().title(), "En solution à un an (I3)");
          for (Line l : e.getValue().rows()) {
            cell(t, l.label(), false);
            cell(t, l.solutionAfterOneYear().text(), true);
          }
          for (Line l : e.getValue().footer()) {
            cell(t, l.label(), false);
            cell(t, l.solutionAfterOneYear().text(), true);
          }
          doc.add(t);
        } else {
          doc.add(
              table(
                  e.getValue().title(),
                  h2,
                  e.getValue().title(),
                  e.getValue().rows(),
                  e.getValue().footer()));
        }
      }
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** The regional view as PDF: the départements side by side, the region, objectives, trend. */
  public static byte[] writeRegional(fr.raccroche.indicators.RegionalReport r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.getExtraCatalog().put(PdfName.LANG, new PdfString("fr-FR"));
      writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
      doc.addTitle(title(r));
      doc.addSubject("Indicateurs trimestriels des jeunes sortis sans diplôme — pilotage régional");
      doc.addCreator("Raccroche");
      doc.open();
      Font title = font(16, Font.BOLD);
      Font h2 = font(12, Font.BOLD);
      Font normal = font(9, Font.NORMAL);
      doc.add(
          new Paragraph(
              "Indicateurs trimestriels des jeunes sortis sans diplôme — pilotage régional",
              title));
      doc.add(
          new Paragraph(
              "Région "
                  + r.regionName()
                  + " — année scolaire "
                  + r.schoolYear()
                  + " — "
                  + r.quarter()
                  + " ("
                  + r.quarterLabel()
                  + ")",
              h2));
      doc.add(
          new Paragraph(
              "Statut : provisoire (calculé à la demande)"
                  + (r.computedAt() == null
                      ? ""
                      : " — calculé le " + CsvReport.DATE_TIME.format(r.computedAt()))
                  + ". Les effectifs inférieurs à "
                  + r.smallCountThreshold()
                  + " sont masqués (< "
                  + r.smallCountThreshold()
                  + ").",
              normal));
      doc.add(table("Par département", h2, "Département", r.departements(), List.of(r.region())));
      if (!r.objectives().isEmpty()) {
        PdfPTable t = new PdfPTable(new float[] {5, 1, 1, 1, 2, 1});
        t.setWidthPercentage(100);
        heading(t, "Objectifs régionaux", h2);
        header(t, "Objectif", "Type", "Cible", "Valeur", "Statut", "Écart");
        for (ObjectiveView o : r.objectives()) {
          cell(t, o.indicatorLabel(), false);
          cell(t, o.kind().equals("RATE") ? "taux" : "effectif", false);
          cell(t, Figure.format(o.target().doubleValue()), true);
          cell(t, o.actual().text(), true);
          cell(t, o.statusLabel(), false);
          cell(t, o.gap().text(), true);
        }
        doc.add(t);
      }
      PdfPTable t = new PdfPTable(new float[] {4, 1.5f, 1, 1, 1});
      t.setWidthPercentage(100);
      heading(t, "Tendance des trimestres publiés, par département", h2);
      header(t, "Département", "Trimestre", "I1 repérés", "I2 pris en charge", "Taux I3 (%)");
      int points = 0;
      for (var d : r.trend()) {
        for (TrendPoint p : d.points()) {
          cell(t, d.departement() + " " + d.name(), false);
          cell(t, p.quarter(), false);
          cell(t, p.leavers().text(), true);
          cell(t, p.takenInCharge().text(), true);
          cell(t, p.solutionRate().text(), true);
          points++;
        }
      }
      if (points > 0) {
        doc.add(t);
      } else {
        doc.add(new Paragraph("Aucun trimestre publié pour cette année scolaire.", normal));
      }
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** The regional document's title: quarter and region. */
  public static String title(fr.raccroche.indicators.RegionalReport r) {
    return "Indicateurs trimestriels " + r.quarter() + " — région " + r.regionName();
  }

  /** The document's title (its metadata, shown by the reader): quarter and perimeter. */
  public static String title(IndicatorReport r) {
    return "Indicateurs trimestriels " + r.quarter() + " — " + r.perimeterName();
  }

  private static PdfPTable table(
      String heading, Font h2, String title, List<Line> lines, List<Line> footer) {
    PdfPTable t = new PdfPTable(new float[] {4, 1, 1, 1, 1, 1, 1});
    t.setWidthPercentage(100);
    t.setSpacingBefore(4);
    heading(t, heading, h2);
    header(
        t,
        title,
        "I1 repérés",
        "I2 pris en charge",
        "Taux I2 (%)",
        "Cohorte I3",
        "I3 en solution",
        "Taux I3 (%)");
    for (Line l : concat(lines, footer)) {
      cell(t, l.label(), false);
      cell(t, l.leavers().text(), true);
      cell(t, l.takenInCharge().text(), true);
      cell(t, l.takenInChargeRate().text(), true);
      cell(t, l.oneYearCohort().text(), true);
      cell(t, l.solutionAfterOneYear().text(), true);
      cell(t, l.solutionRate().text(), true);
    }
    return t;
  }

  /** Bars per perimeter: I1 and I2 side by side; a masked count has no bar, only its text. */
  private static Image chart(PdfWriter writer, List<Line> lines, int threshold) {
    float width = 700;
    float height = 180;
    PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
    BaseFont bf = baseFont();
    long max = 1;
    for (Line l : lines) {
      max = Math.max(max, Math.max(l.leavers().longValue(), l.takenInCharge().longValue()));
    }
    float left = 40;
    float bottom = 30;
    float plotHeight = height - bottom - 30;
    legend(t, bf, left, height - 14);
    t.setColorStroke(GRID);
    t.moveTo(left, bottom);
    t.lineTo(width - 10, bottom);
    t.stroke();
    float slot = lines.isEmpty() ? 0 : Math.min(160, (width - left - 10) / lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      float x = left + i * slot + 10;
      bar(t, bf, x, bottom, plotHeight, max, l.leavers(), I1_COLOR);
      bar(t, bf, x + 30, bottom, plotHeight, max, l.takenInCharge(), I2_COLOR);
      text(t, bf, 8, x, bottom - 12, l.label());
    }
    return image(t);
  }

  private static void bar(
      PdfTemplate t,
      BaseFont bf,
      float x,
      float bottom,
      float plotHeight,
      long max,
      Figure value,
      Color color) {
    float h = value.masked() ? 0 : plotHeight * value.longValue() / max;
    if (h > 0) {
      t.setColorFill(color);
      t.rectangle(x, bottom, 26, h);
      t.fill();
    }
    text(t, bf, 8, x, bottom + h + 3, value.text());
  }

  /** Lines across the published quarters: I1 and I2 (masked points are left out). */
  private static Image trend(PdfWriter writer, List<TrendPoint> points) {
    float width = 700;
    float height = 160;
    PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
    BaseFont bf = baseFont();
    long max = 1;
    for (TrendPoint p : points) {
      max = Math.max(max, Math.max(p.leavers().longValue(), p.takenInCharge().longValue()));
    }
    float left = 40;
    float bottom = 30;
    float plotHeight = height - bottom - 30;
    float step = points.size() < 2 ? 0 : (width - left - 60) / (points.size() - 1);
    legend(t, bf, left, height - 14);
    for (int series = 0; series < 2; series++) {
      t.setColorStroke(series == 0 ? I1_COLOR : I2_COLOR);
      t.setLineWidth(1.5f);
      boolean started = false;
      for (int i = 0; i < points.size(); i++) {
        Figure f = series == 0 ? points.get(i).leavers() : points.get(i).takenInCharge();
        if (f.masked()) {
          continue;
        }
        float x = left + i * step;
        float y = bottom + plotHeight * f.longValue() / max;
        if (started) {
          t.lineTo(x, y);
        } else {
          t.moveTo(x, y);
          started = true;
        }
      }
      if (started) {
        t.stroke();
      }
    }
    for (int i = 0; i < points.size(); i++) {
      TrendPoint p = points.get(i);
      float x = left + i * step;
      text(t, bf, 8, x - 10, bottom - 12, p.quarter());
      text(
          t,
          bf,
          7,
          x - 10,
          bottom - 22,
          "I1 " + p.leavers().text() + " / I2 " + p.takenInCharge().text());
    }
    return image(t);
  }

  private static void legend(PdfTemplate t, BaseFont bf, float x, float y) {
    t.setColorFill(I1_COLOR);
    t.rectangle(x, y, 8, 8);
    t.fill();
    text(t, bf, 8, x + 12, y, "I1 repérés");
    t.setColorFill(I2_COLOR);
    t.rectangle(x + 80, y, 8, 8);
    t.fill();
    text(t, bf, 8, x + 92, y, "I2 pris en charge");
  }

  private static void text(PdfContentByte t, BaseFont bf, float size, float x, float y, String s) {
    t.beginText();
    t.setColorFill(Color.DARK_GRAY);
    t.setFontAndSize(bf, size);
    t.setTextMatrix(x, y);
    t.showText(s);
    t.endText();
  }

  private static Image image(PdfTemplate t) {
    try {
      Image image = Image.getInstance(t);
      image.setSpacingBefore(6);
      return image;
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A section's heading as the first row of its table, repeated with the column headers on the next
   * page (header rows), the table kept in one piece when it fits on a page: a heading never ends a
   * page with its table on the next one.
   */
  private static void heading(PdfPTable t, String text, Font h2) {
    PdfPCell c = new PdfPCell(new Phrase(text, h2));
    c.setColspan(t.getNumberOfColumns());
    c.setBorder(Rectangle.NO_BORDER);
    c.setPaddingLeft(0);
    c.setPaddingTop(10);
    c.setPaddingBottom(4);
    t.addCell(c);
    t.setHeaderRows(2);
    t.setKeepTogether(true);
  }

  /** A heading and a chart kept on the same page. */
  private static PdfPTable titled(String text, Font h2, Image chart) {
    PdfPTable t = new PdfPTable(1);
    t.setWidthPercentage(100);
    PdfPCell c = new PdfPCell(new Phrase(text, h2));
    c.setBorder(Rectangle.NO_BORDER);
    c.setPaddingLeft(0);
    c.setPaddingTop(10);
    c.setPaddingBottom(4);
    t.addCell(c);
    PdfPCell body = new PdfPCell(chart, false);
    body.setBorder(Rectangle.NO_BORDER);
    body.setPadding(0);
    t.addCell(body);
    t.setKeepTogether(true);
    return t;
  }

  private static List<Line> concat(List<Line> a, List<Line> b) {
    List<Line> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void header(PdfPTable t, String... labels) {
    for (String label : labels) {
      PdfPCell c = new PdfPCell(new Phrase(label, font(8, Font.BOLD)));
      c.setBackgroundColor(new Color(0xe8, 0xee, 0xf4));
      t.addCell(c);
    }
  }

  private static void cell(PdfPTable t, String text, boolean number) {
    PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font(8, Font.NORMAL)));
    if (number) {
      c.setHorizontalAlignment(Element.ALIGN_RIGHT);
    }
    t.addCell(c);
  }

  private static Font font(float size, int style) {
    return FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, size, style);
  }

  private static BaseFont baseFont() {
    try {
      return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
