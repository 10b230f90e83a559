package fr.raccroche.coordination;

import fr.raccroche.indicators.AggregateReader;
import fr.raccroche.indicators.Figure;
import fr.raccroche.pathway.Need;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The computed figures of a perimeter's territorial diagnosis for a school year (aggregates only):
 * needs found against the offers and places of the catalogue, delays, rates, partner types present
 * and missing. Rates and shares in percent (one decimal), null when there is nothing to divide by.
 * What is stored when the diagnosis is written; readers get {@link #shownTo(AggregateReader)}.
 * {@code firstContactDelays} and {@code takenInChargeDelays} count the cases behind each median
 * (null in figures frozen before they were kept).
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
    List<String> partnerTypesMissing,
    Integer firstContactDelays,
    Integer takenInChargeDelays) {

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

  /**
   * The figures as this reader sees them: counts of young people under the indicators' threshold
   * masked ("{@code < 5}") when the reader's are, the needs' columns by the secondary rule too, a
   * rate or a median masked when a count it comes from is (docs/security.md, S9). Offers and places
   * are the catalogue's, never masked.
   */
  public Shown shownTo(AggregateReader reader) {
    Figure cases = reader.count(this.cases);
    Figure taken = reader.count(takenInCharge);
    Figure checked = reader.count(oneYearChecked);
    Figure inSolution = reader.count(oneYearInSolution);
    Figure occurrences = reader.count(needOccurrences);
    Figure withoutOffer = reader.count(needOccurrencesWithoutOffer);
    Figure contacted = firstContactDelays == null ? null : reader.count(firstContactDelays);
    Figure delayed = takenInChargeDelays == null ? null : reader.count(takenInChargeDelays);
    if (!reader.masked()) {
      // Exact readers see every median, even of figures frozen before the counts were kept.
      contacted = Figure.count(firstContactDelays == null ? 0 : firstContactDelays);
      delayed = Figure.count(takenInChargeDelays == null ? 0 : takenInChargeDelays);
    }
    Figure[] primary = reader.column(needs.stream().mapToLong(NeedLine::asPrimaryNeed).toArray());
    Figure[] people = reader.column(needs.stream().mapToLong(NeedLine::youngPeople).toArray());
    List<Shown.Need> lines = new ArrayList<>();
    for (int i = 0; i < needs.size(); i++) {
      NeedLine n = needs.get(i);
      lines.add(
          new Shown.Need(
              n.need(),
              n.label(),
              primary[i],
              people[i],
              n.offers(),
              n.places(),
              n.unlimitedPlaces(),
              n.withoutOffer()));
    }
    return new Shown(
        perimeterCode,
        perimeterName,
        schoolYear,
        reader.masked(),
        reader.threshold(),
        cases,
        reader.count(needsAnalysed),
        lines,
        occurrences,
        withoutOffer,
        reader.derived(shareOfNeedsWithoutOffer, withoutOffer, occurrences),
        reader.derived(medianDaysToFirstContact, contacted),
        reader.derived(medianDaysToTakenInCharge, delayed),
        taken,
        reader.derived(takenInChargeRate, taken, cases),
        checked,
        inSolution,
        reader.derived(solutionRate, inSolution, checked),
        reader.count(orientationsToAnOffer),
        partnerTypesPresent,
        partnerTypesMissing);
  }

  /**
   * The figures a reader sees: each count a {@link Figure} (a number, or "{@code < 5}" when
   * masked), each rate or median a number, "{@code masqué}" or null. JSON keeps the field names of
   * {@link DiagnosisFigures}.
   */
  public record Shown(
      String perimeterCode,
      String perimeterName,
      String schoolYear,
      boolean masked,
      int smallCountThreshold,
      Figure cases,
      Figure needsAnalysed,
      List<Need> needs,
      Figure needOccurrences,
      Figure needOccurrencesWithoutOffer,
      Figure shareOfNeedsWithoutOffer,
      Figure medianDaysToFirstContact,
      Figure medianDaysToTakenInCharge,
      Figure takenInCharge,
      Figure takenInChargeRate,
      Figure oneYearChecked,
      Figure oneYearInSolution,
      Figure solutionRate,
      Figure orientationsToAnOffer,
      List<String> partnerTypesPresent,
      List<String> partnerTypesMissing) {

    /** One need as shown. */
    public record Need(
        fr.raccroche.pathway.Need need,
        String label,
        Figure asPrimaryNeed,
        Figure youngPeople,
        int offers,
        int places,
        boolean unlimitedPlaces,
        boolean withoutOffer) {}

    /** The needs found that no current offer of the perimeter addresses. */
    public List<Need> needsWithoutOffer() {
      return needs.stream().filter(Need::withoutOffer).toList();
    }

    /** A percentage in French ("50,0 %"), "masqué", or "sans objet". */
    public String percent(Figure f) {
      return f.masked()
          ? f.text()
          : f.value() == null
              ? "sans objet"
              : String.format(Locale.FRANCE, "%.1f %%", f.value().doubleValue());
    }

    /** A number of days in French ("4,0 jours"), "masqué", or "sans objet". */
    public String days(Figure f) {
      return f.masked()
          ? f.text()
          : f.value() == null
              ? "sans objet"
              : String.format(Locale.FRANCE, "%.1f jours", f.value().doubleValue());
    }
  }
}
