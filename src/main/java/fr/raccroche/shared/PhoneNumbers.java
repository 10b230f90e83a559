package fr.raccroche.shared;

import java.util.List;
import java.util.Optional;

/**
 * Telephone numbers in the E.164 form that the data·inclusion schema asks for ({@code
 * +33472000000}). A national French number (ten digits starting with 0) gets the country code of
 * its territory: metropolitan France {@code +33}, the overseas départements their own (the
 * numbering plan of ARCEP gives each its prefixes).
 */
public final class PhoneNumbers {
  /** National prefix (after the leading 0) → country calling code, overseas first. */
  private static final List<String[]> OVERSEAS =
      List.of(
          new String[] {"590", "590"}, // Guadeloupe, Saint-Barthélemy, Saint-Martin (fixed)
          new String[] {"690", "590"},
          new String[] {"691", "590"},
          new String[] {"594", "594"}, // Guyane
          new String[] {"694", "594"},
          new String[] {"596", "596"}, // Martinique
          new String[] {"696", "596"},
          new String[] {"697", "596"},
          new String[] {"262", "262"}, // La Réunion, Mayotte
          new String[] {"263", "262"},
          new String[] {"269", "262"},
          new String[] {"639", "262"},
          new String[] {"692", "262"},
          new String[] {"693", "262"});

  private PhoneNumbers() {}

  /**
   * The number in E.164, or empty when it is not one telephone number: ten national digits starting
   * with 0, or an international number ({@code +} or {@code 00}, 8 to 15 digits). Spaces, dots,
   * dashes and brackets are ignored.
   */
  public static Optional<String> toE164(String number) {
    if (number == null || number.isBlank()) {
      return Optional.empty();
    }
    String compact = number.strip().replaceAll("[\\s.()\\-]", "");
    if (compact.startsWith("00")) {
      compact = "+" + compact.substring(2);
    }
    if (compact.startsWith("+")) {
      String digits = compact.substring(1);
      if (!digits.matches("^[1-9]\\d{7,14}$")) {
        return Optional.empty();
      }
      // +33 0 4 72 ...: the national 0 written after the country code.
      if (digits.startsWith("330") && digits.length() == 12) {
        digits = "33" + digits.substring(3);
      }
      return Optional.of("+" + digits);
    }
    if (!compact.matches("^0[1-9]\\d{8}$")) {
      return Optional.empty();
    }
    String national = compact.substring(1);
    for (String[] prefix : OVERSEAS) {
      if (national.startsWith(prefix[0])) {
        return Optional.of("+" + prefix[1] + national);
      }
    }
    return Optional.of("+33" + national);
  }

  /**
   * The number in E.164 for storing, or a French refusal naming the field. Blank: null.
   *
   * @throws InvalidInputException when the number is not one telephone number
   */
  public static String checked(String number, String field) {
    if (number == null || number.isBlank()) {
      return null;
    }
    return toE164(number)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    field,
                    "Numéro de téléphone invalide : « "
                        + number.strip()
                        + " » (10 chiffres commençant par 0, ou +indicatif international)."));
  }
}
