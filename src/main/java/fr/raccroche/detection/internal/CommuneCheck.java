package fr.raccroche.detection.internal;

/**
 * What the official commune list says of a row's place (docs/communes.md): a commune code that does
 * not exist rejects the row, a place in another département excludes it, a postal code alone may be
 * resolved to its commune, a postal code that does not serve the commune warns.
 */
public interface CommuneCheck {

  /** Accepts every place as it is (tests, benchmarks' floor). */
  CommuneCheck NONE = (communeCode, postalCode, communeName) -> Verdict.ok(null);

  /**
   * @param communeCode the row's commune code, normalised and well formed, or null
   * @param postalCode the row's postal code, normalised and well formed, or null
   * @param communeName the row's commune name as written, or null
   */
  Verdict check(String communeCode, String postalCode, String communeName);

  /** The fate of a place. */
  enum Outcome {
    OK,
    /** Taken, with a warning on the row. */
    WARNING,
    REJECTED,
    EXCLUDED
  }

  /**
   * @param communeCode the commune to route by when the list resolved it from the postal code, else
   *     null (the row's own)
   * @param reason French, for a warning, a rejection or an exclusion
   */
  record Verdict(Outcome outcome, String communeCode, String reason) {
    public static Verdict ok(String resolvedCommune) {
      return new Verdict(Outcome.OK, resolvedCommune, null);
    }
  }
}
