package fr.raccroche.coordination.process;

import static fr.raccroche.coordination.process.DiagnosisProcesses.*;

import fr.raccroche.coordination.DiagnosisFigures;
import fr.raccroche.coordination.DiagnosisService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_ComputeFigures, before Task_WriteDiagnosis: the perimeter's figures as a French text
 * for the form ({@code diagnosisFiguresText}), and the perimeter's name.
 */
@Component("computeDiagnosisFiguresDelegate")
public class ComputeDiagnosisFiguresDelegate implements JavaDelegate {
  private final DiagnosisService diagnoses;

  public ComputeDiagnosisFiguresDelegate(DiagnosisService diagnoses) {
    this.diagnoses = diagnoses;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiagnosisFigures f =
        diagnoses.figures(
            InstanceKeys.diagnosisPerimeter(execution),
            InstanceKeys.diagnosisSchoolYear(execution));
    execution.setVariable(PERIMETER_NAME, f.perimeterName());
    execution.setVariable(FIGURES_TEXT, text(f));
  }

  /** The figures in a few lines of Markdown (what the form shows). */
  public static String text(DiagnosisFigures f) {
    StringBuilder s = new StringBuilder();
    s.append("- **Jeunes suivis cette année :** ").append(f.cases());
    s.append(" (besoins analysés : ").append(f.needsAnalysed()).append(")\n");
    s.append("- **Besoins sans aucune offre :** ").append(pct(f.shareOfNeedsWithoutOffer()));
    if (!f.needsWithoutOffer().isEmpty()) {
      s.append(" — ");
      s.append(
          String.join(
              ", ", f.needsWithoutOffer().stream().map(DiagnosisFigures.NeedLine::label).toList()));
    }
    s.append("\n");
    s.append("- **Délai médian repérage → premier contact :** ")
        .append(days(f.medianDaysToFirstContact()))
        .append("\n");
    s.append("- **Délai médian premier contact → prise en charge :** ")
        .append(days(f.medianDaysToTakenInCharge()))
        .append("\n");
    s.append("- **Taux de prise en charge :** ").append(pct(f.takenInChargeRate()));
    s.append(" (").append(f.takenInCharge()).append(" sur ").append(f.cases()).append(")\n");
    s.append("- **Taux de solution à un an :** ").append(pct(f.solutionRate()));
    s.append(" (")
        .append(f.oneYearInSolution())
        .append(" sur ")
        .append(f.oneYearChecked())
        .append(")\n");
    s.append("- **Orientations vers une offre du catalogue :** ")
        .append(f.orientationsToAnOffer())
        .append("\n");
    s.append("- **Types de structures présents :** ")
        .append(
            f.partnerTypesPresent().isEmpty()
                ? "aucun"
                : String.join(", ", f.partnerTypesPresent()))
        .append("\n");
    s.append("- **Types de structures absents :** ")
        .append(
            f.partnerTypesMissing().isEmpty()
                ? "aucun"
                : String.join(", ", f.partnerTypesMissing()))
        .append("\n\n**Besoins et offres**\n\n");
    for (DiagnosisFigures.NeedLine n : f.needs()) {
      if (n.youngPeople() == 0 && n.offers() == 0) {
        continue;
      }
      s.append("- ")
          .append(n.label())
          .append(" : ")
          .append(n.youngPeople())
          .append(" jeune(s), ")
          .append(n.offers())
          .append(" offre(s), ")
          .append(n.unlimitedPlaces() ? "places non limitées" : n.places() + " place(s)")
          .append(n.withoutOffer() ? " — **aucune offre**" : "")
          .append("\n");
    }
    return s.toString();
  }

  static String pct(Double value) {
    return value == null ? "sans objet" : String.format(java.util.Locale.FRANCE, "%.1f %%", value);
  }

  static String days(Double value) {
    return value == null
        ? "sans objet"
        : String.format(java.util.Locale.FRANCE, "%.1f jours", value);
  }
}
