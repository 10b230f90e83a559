package fr.raccroche.coordination;

import fr.raccroche.pathway.Need;
import java.util.List;

/**
 * The computed figures of a perimeter's territorial diagnosis for a school year (aggregates only):
 * needs found against the offers and places of the catalogue, delays, rates, partner types present
 * and missing. Rates and shares in percent (one decimal), null when there is nothing to divide by.
 */
public record DiagnosisFigures(
    String perimeterCode,
    String perimeterName,
    String schoolYear,
    int cases,
    int needsAnalysed,
    List<NeedLine> needs,
    int needOccurrences,
    int needOccurrencesWithoutOffer,
    Double shareOfNeedsWithoutOffer,
    Double medianDaysToFirstContact,
    Double medianDaysToTakenInCharge,
    int takenInCharge,
    Double takenInChargeRate,
    int oneYearChecked,
    int oneYearInSolution,
    Double solutionRate,
    int orientationsToAnOffer,
    List<String> partnerTypesPresent,
    List<String> partnerTypesMissing) {

  /** One need: how many young people have it, and what the catalogue offers for it. */
  public record NeedLine(
      Need need,
      String label,
      int asPrimaryNeed,
      int youngPeople,
      int offers,
      int places,
      boolean unlimitedPlaces,
      boolean withoutOffer) {}

  /** The needs found that no current offer of the perimeter addresses. */
  public List<NeedLine> needsWithoutOffer() {
    return needs.stream().filter(NeedLine::withoutOffer).toList();
  }
}
