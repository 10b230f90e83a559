package fr.raccroche.indicators.internal;

import fr.raccroche.indicators.Figure;
import fr.raccroche.indicators.IndicatorReport;
import fr.raccroche.indicators.IndicatorReport.Breakdown;
import fr.raccroche.indicators.IndicatorReport.Line;
import fr.raccroche.indicators.IndicatorReport.ObjectiveView;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The report as CSV for Excel: UTF-8 with a byte order mark, semicolons, French labels, the same
 * texts as the page and the PDF ({@link Figure#text()}: "{@code < 5}" for a masked count). Sections
 * separated by an empty line: header, indicators, perimeters, each breakdown, objectives, trend.
 */
public final class CsvReport {
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

  private CsvReport() {}

  public static byte[] write(IndicatorReport r) {
    StringBuilder b = new StringBuilder("\uFEFF");
    row(b, "Rapport", "Indicateurs trimestriels des jeunes sortis sans diplôme");
    row(b, "Département", r.departement());
    row(b, "Périmètre", r.perimeterName());
    row(b, "Année scolaire", r.schoolYear());
    row(b, "Trimestre", r.quarter() + " (" + r.quarterLabel() + ")");
    row(b, "Statut", r.statusLabel());
    row(b, "Publié le", r.publishedAt() == null ? "" : DATE_TIME.format(r.publishedAt()));
    row(b, "Calculé le", r.computedAt() == null ? "" : DATE_TIME.format(r.computedAt()));
    row(
        b,
        "Petits effectifs",
        r.masked() ? "masqués sous le seuil de " + r.smallCountThreshold() : "non masqués");
    b.append("\r\n");
    row(b, "Indicateur", "Valeur");
    for (String[] kv : indicators(r)) {
      row(b, kv[0], kv[1]);
    }
    b.append("\r\n");
    table(b, "Périmètre", r.perimeters());
    for (Map.Entry<String, Breakdown> e : r.breakdowns().entrySet()) {
      b.append("\r\n");
      if (e.getKey().equals("solutionType")) {
        row(b, e.getValue().title(), "Code", "En solution à un an (I3)");
        for (Line l : e.getValue().rows()) {
          row(b, l.label(), l.code(), l.solutionAfterOneYear().text());
        }
        for (Line l : e.getValue().footer()) {
          row(b, l.label(), "", l.solutionAfterOneYear().text());
        }
      } else {
        List<Line> lines = new java.util.ArrayList<>(e.getValue().rows());
        lines.addAll(e.getValue().footer());
        table(b, e.getValue().title(), lines);
      }
    }
    if (!r.objectives().isEmpty()) {
      b.append("\r\n");
      row(b, "Objectif", "Type", "Cible", "Valeur", "Statut", "Écart");
      for (ObjectiveView o : r.objectives()) {
        row(
            b,
            o.indicatorLabel(),
            o.kind(),
            Figure.format(o.target().doubleValue()),
            o.actual().text(),
            o.statusLabel(),
            o.gap().text());
      }
    }
    if (!r.trend().isEmpty()) {
      b.append("\r\n");
      row(b, "Tendance (trimestres publiés)", "I1", "I2", "Taux I3 (%)");
      for (IndicatorReport.TrendPoint p : r.trend()) {
        row(b, p.quarter(), p.leavers().text(), p.takenInCharge().text(), p.solutionRate().text());
      }
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The regional view as CSV: header, the départements side by side with the region's total, the
   * median delays, the region's objectives, each département's trend.
   */
  public static byte[] writeRegional(fr.raccroche.indicators.RegionalReport r) {
    StringBuilder b = new StringBuilder("\uFEFF");
    row(
        b,
        "Rapport",
        "Indicateurs trimestriels des jeunes sortis sans diplôme — pilotage régional");
    row(b, "Région", r.regionCode() + " " + r.regionName());
    row(b, "Année scolaire", r.schoolYear());
    row(b, "Trimestre", r.quarter() + " (" + r.quarterLabel() + ")");
    row(b, "Statut", "Provisoire (calculé à la demande)");
    row(b, "Calculé le", r.computedAt() == null ? "" : DATE_TIME.format(r.computedAt()));
    row(b, "Petits effectifs", "masqués sous le seuil de " + r.smallCountThreshold());
    b.append("\r\n");
    List<Line> lines = new java.util.ArrayList<>(r.departements());
    lines.add(r.region());
    table(b, "Département", lines);
    b.append("\r\n");
    row(
        b,
        "Délais médians",
        "Code",
        "Repérage - premier contact (jours)",
        "Premier contact - prise en charge (jours)");
    for (Line l : lines) {
      row(
          b,
          l.label(),
          l.code(),
          l.delays() == null ? "" : l.delays().medianDaysDetectionToFirstContact().text(),
          l.delays() == null ? "" : l.delays().medianDaysFirstContactToTakenInCharge().text());
    }
    if (!r.objectives().isEmpty()) {
      b.append("\r\n");
      row(b, "Objectif régional", "Type", "Cible", "Valeur", "Statut", "Écart");
      for (ObjectiveView o : r.objectives()) {
        row(
            b,
            o.indicatorLabel(),
            o.kind(),
            Figure.format(o.target().doubleValue()),
            o.actual().text(),
            o.statusLabel(),
            o.gap().text());
      }
    }
    b.append("\r\n");
    row(b, "Tendance (trimestres publiés)", "Trimestre", "I1", "I2", "Taux I3 (%)");
    for (var t : r.trend()) {
      for (IndicatorReport.TrendPoint p : t.points()) {
        row(
            b,
            t.departement() + " " + t.name(),
            p.quarter(),
            p.leavers().text(),
            p.takenInCharge().text(),
            p.solutionRate().text());
      }
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The indicator lines shared by the CSV, the PDF and the page: label, value text. */
  public static List<String[]> indicators(IndicatorReport r) {
    return List.of(
        new String[] {"I1 — Jeunes sortis sans diplôme repérés", r.leavers().text()},
        new String[] {"I2 — Pris en charge par les réseaux", r.takenInCharge().text()},
        new String[] {"Taux de prise en charge (%)", r.takenInChargeRate().text()},
        new String[] {"I3 — Cohorte (premier contact un an avant)", r.oneYearCohort().text()},
        new String[] {"I3 — En solution à un an", r.solutionAfterOneYear().text()},
        new String[] {"Taux de solution à un an (%)", r.solutionRate().text()},
        new String[] {
          "Délai médian repérage - premier contact (jours)",
          r.delays().medianDaysDetectionToFirstContact().text()
        },
        new String[] {
          "Délai médian premier contact - prise en charge (jours)",
          r.delays().medianDaysFirstContactToTakenInCharge().text()
        });
  }

  private static void table(StringBuilder b, String title, List<Line> lines) {
    row(
        b,
        title,
        "Code",
        "I1 repérés",
        "I2 pris en charge",
        "Taux I2 (%)",
        "Cohorte I3",
        "I3 en solution",
        "Taux I3 (%)");
    for (Line l : lines) {
      row(
          b,
          l.label(),
          l.code(),
          l.leavers().text(),
          l.takenInCharge().text(),
          l.takenInChargeRate().text(),
          l.oneYearCohort().text(),
          l.solutionAfterOneYear().text(),
          l.solutionRate().text());
    }
  }

  private static void row(StringBuilder b, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append(';');
      }
      b.append(quote(cells[i]));
    }
    b.append("\r\n");
  }

  /** The application's one CSV writer: quoting and formula neutralisation. */
  static String quote(String cell) {
    return fr.raccroche.shared.CsvCells.cell(cell);
  }
}
