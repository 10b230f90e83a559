package fr.raccroche.shared;

/**
 * A French postal address as the data·inclusion schema describes a place: street line, complement,
 * postal code, INSEE commune code, commune name. Used for a partner's premises and for the place
 * where an offer receives young people.
 */
public record PostalAddress(
    String street, String complement, String postalCode, String communeCode, String communeName) {

  /** The address with blank parts as null and the rest stripped; null when everything is blank. */
  public static PostalAddress clean(PostalAddress a) {
    if (a == null) {
      return null;
    }
    PostalAddress cleaned =
        new PostalAddress(
            blankToNull(a.street),
            blankToNull(a.complement),
            blankToNull(a.postalCode),
            blankToNull(a.communeCode),
            blankToNull(a.communeName));
    return cleaned.isEmpty() ? null : cleaned;
  }

  /** True when no part is given. */
  public boolean isEmpty() {
    return street == null
        && complement == null
        && postalCode == null
        && communeCode == null
        && communeName == null;
  }

  /**
   * Every rule an address must follow, checked on a {@link #clean cleaned} address (null: nothing
   * to check). The refusal names the field as {@code <prefix>.<part>}, in French.
   */
  public static void check(PostalAddress a, String prefix) {
    if (a == null) {
      return;
    }
    length(a.street, prefix + ".street", "L'adresse", 200);
    length(a.complement, prefix + ".complement", "Le complément d'adresse", 200);
    length(a.communeName, prefix + ".communeName", "Le nom de la commune", 100);
    if (a.postalCode != null && !a.postalCode.matches("^\\d{5}$")) {
      throw new InvalidInputException(
          prefix + ".postalCode", "Code postal invalide : « " + a.postalCode + " » (5 chiffres).");
    }
    if (a.communeCode != null && !a.communeCode.matches("^(\\d{5}|2[AB]\\d{3})$")) {
      throw new InvalidInputException(
          prefix + ".communeCode",
          "Code commune INSEE invalide : « " + a.communeCode + " » (5 caractères).");
    }
    if (a.street != null && a.postalCode == null && a.communeCode == null) {
      throw new InvalidInputException(
          prefix + ".postalCode", "Indiquez le code postal ou le code commune de l'adresse.");
    }
  }

  private static void length(String value, String field, String what, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidInputException(
          field, what + " (" + field + ") ne doit pas dépasser " + max + " caractères.");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
