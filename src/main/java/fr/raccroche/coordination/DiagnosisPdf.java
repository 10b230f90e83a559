package fr.raccroche.coordination;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** The territorial diagnosis as a PDF (OpenPDF): figures, needs against offers, text, history. */
@Component
class DiagnosisPdf {
  private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
  private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
  private static final Font BODY = new Font(Font.HELVETICA, 10);
  private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);

  byte[] render(Diagnosis d, List<Diagnosis> history) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    // What a screen reader and the reader's title bar need: the language of the text, a title
    // shown instead of the file name. OpenPDF does not tag the content (no structure tree for its
    // paragraphs and tables): the statement says so (accessibility.html).
    writer.getExtraCatalog().put(PdfName.LANG, new PdfString("fr-FR"));
    writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
    doc.addTitle(
        "Diagnostic territorial — " + d.figures().perimeterName() + " — " + d.schoolYear());
    doc.addSubject("Diagnostic territorial des jeunes sortis sans diplôme");
    doc.addCreator("Raccroche");
    doc.open();
    DiagnosisFigures.Shown f = d.figures();
    doc.add(
        new Paragraph(
            "Diagnostic territorial — " + f.perimeterName() + " — " + d.schoolYear(), TITLE));
    doc.add(
        new Paragraph(
            "Statut : "
                + d.status().label()
                + (d.figuresFrozen()
                    ? " (chiffres arrêtés à la rédaction)"
                    : " (chiffres du jour)"),
            BODY));
    if (f.masked()) {
      doc.add(
          new Paragraph(
              "Les effectifs inférieurs à "
                  + f.smallCountThreshold()
                  + " sont masqués (« < "
                  + f.smallCountThreshold()
                  + " »), ainsi que les taux et délais calculés à partir d'eux.",
              BODY));
    }
    doc.add(new Paragraph(" "));
    doc.add(new Paragraph("Chiffres clés", HEADING));
    PdfPTable key = new PdfPTable(2);
    key.setWidthPercentage(100);
    row(key, "Jeunes suivis dans l'année", f.cases().text());
    row(key, "Besoins analysés", f.needsAnalysed().text());
    row(key, "Part des besoins sans aucune offre", f.percent(f.shareOfNeedsWithoutOffer()));
    row(key, "Délai médian repérage - premier contact", f.days(f.medianDaysToFirstContact()));
    row(
        key,
        "Délai médian premier contact - prise en charge",
        f.days(f.medianDaysToTakenInCharge()));
    row(
        key,
        "Taux de prise en charge",
        f.percent(f.takenInChargeRate()) + " (" + f.takenInCharge().text() + ")");
    row(
        key,
        "Taux de solution à un an",
        f.percent(f.solutionRate())
            + " ("
            + f.oneYearInSolution().text()
            + " sur "
            + f.oneYearChecked().text()
            + ")");
    row(key, "Orientations vers une offre du catalogue", f.orientationsToAnOffer().text());
    row(key, "Types de structures présents", String.join(", ", f.partnerTypesPresent()));
    row(key, "Types de structures absents", String.join(", ", f.partnerTypesMissing()));
    doc.add(key);
    doc.add(new Paragraph(" "));
    doc.add(new Paragraph("Besoins et offres", HEADING));
    PdfPTable needs = new PdfPTable(new float[] {3, 1.3f, 1.3f, 1, 1.3f});
    needs.setWidthPercentage(100);
    for (String h : List.of("Besoin", "Besoin principal", "Jeunes", "Offres", "Places")) {
      needs.addCell(new PdfPCell(new Phrase(h, BOLD)));
    }
    for (DiagnosisFigures.Shown.Need n : f.needs()) {
      needs.addCell(
          new PdfPCell(
              new Phrase(
                  n.label() + (n.withoutOffer() ? " (aucune offre)" : ""),
                  n.withoutOffer() ? BOLD : BODY)));
      needs.addCell(number(n.asPrimaryNeed().text()));
      needs.addCell(number(n.youngPeople().text()));
      needs.addCell(number(String.valueOf(n.offers())));
      needs.addCell(number(n.unlimitedPlaces() ? "non limitées" : String.valueOf(n.places())));
    }
    doc.add(needs);
    doc.add(new Paragraph(" "));
    doc.add(new Paragraph("Forces", HEADING));
    doc.add(new Paragraph(d.strengths() == null ? "Pas encore rédigé." : d.strengths(), BODY));
    doc.add(new Paragraph("Faiblesses", HEADING));
    doc.add(new Paragraph(d.weaknesses() == null ? "Pas encore rédigé." : d.weaknesses(), BODY));
    if (history.size() > 1) {
      doc.add(new Paragraph(" "));
      doc.add(new Paragraph("Comparaison avec les années précédentes", HEADING));
      PdfPTable years = new PdfPTable(5);
      years.setWidthPercentage(100);
      for (String h :
          List.of("Année", "Jeunes", "Besoins sans offre", "Prise en charge", "Solution à un an")) {
        years.addCell(new PdfPCell(new Phrase(h, BOLD)));
      }
      for (Diagnosis y : history) {
        years.addCell(new PdfPCell(new Phrase(y.schoolYear(), BODY)));
        years.addCell(number(y.figures().cases().text()));
        years.addCell(number(f.percent(y.figures().shareOfNeedsWithoutOffer())));
        years.addCell(number(f.percent(y.figures().takenInChargeRate())));
        years.addCell(number(f.percent(y.figures().solutionRate())));
      }
      doc.add(years);
    }
    doc.close();
    return out.toByteArray();
  }

  private static void row(PdfPTable table, String label, String value) {
    table.addCell(new PdfPCell(new Phrase(label, BODY)));
    table.addCell(new PdfPCell(new Phrase(value, BOLD)));
  }

  private static PdfPCell number(String text) {
    PdfPCell cell = new PdfPCell(new Phrase(text, BODY));
    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    return cell;
  }
}
