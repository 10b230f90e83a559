package fr.raccroche.pathway;

import java.util.List;

/**
 * Offers of the local catalogue that match a young person, shown in the orientation form
 * (implemented by the coordination module, which owns the catalogue; the pathway works without
 * one). No personal data crosses: only the perimeter, the needs and the age.
 */
public interface OrientationOffers {
  /**
   * One suggested offer: its id (the form's value), the French label shown, and the partner that
   * runs it (the form lists the offers of the partner chosen).
   */
  record Suggestion(long offerId, String label, String partnerCode) {
    public Suggestion(long offerId, String label) {
      this(offerId, label, null);
    }
  }

  /**
   * The current offers serving the perimeter that address one of the needs, open to the age (when
   * known) and with places left, best first (primary need first, then other needs, then places).
   */
  List<Suggestion> suggest(
      String perimeterCode, Need primaryNeed, List<Need> otherNeeds, Integer age);

  /** The name of an offer and of the partner that runs it ("CAP boulangerie — CFA"), if known. */
  default java.util.Optional<String> name(long offerId) {
    return java.util.Optional.empty();
  }
}
