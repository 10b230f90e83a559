package fr.raccroche.territory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Formats of the territory's codes, and their normalisation for values as people send them (spaces,
 * lower case, a leading zero lost by a spreadsheet).
 */
public final class TerritoryCodes {
  private static final Pattern UAI = Pattern.compile("\\d{7}[A-Z]");
  private static final Pattern COMMUNE = Pattern.compile("(\\d{5}|2[AB]\\d{3})");
  private static final Pattern POSTAL = Pattern.compile("\\d{5}");
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,31}");
  private static final Pattern DEPARTEMENT = Pattern.compile("(\\d{2,3}|2[AB])");

  private TerritoryCodes() {}

  /** Camunda group of the coordinators of a perimeter. */
  public static String coordinatorGroup(String perimeterCode) {
    return "coord-" + perimeterCode;
  }

  /** Camunda group of the caseworkers of a partner. */
  public static String partnerGroup(String partnerCode) {
    return "partner-" + partnerCode;
  }

  /** Trimmed, upper-case UAI, or null when blank. */
  public static String normaliseUai(String value) {
    String v = blankToNull(value);
    return v == null ? null : v.toUpperCase(Locale.ROOT);
  }

  /** Trimmed commune code, restoring a leading zero lost by a spreadsheet, or null when blank. */
  public static String normaliseCommuneCode(String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    v = v.toUpperCase(Locale.ROOT);
    return v.matches("\\d{4}") ? "0" + v : v;
  }

  /** Trimmed postal code, restoring a leading zero lost by a spreadsheet, or null when blank. */
  public static String normalisePostalCode(String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    return v.matches("\\d{4}") ? "0" + v : v;
  }

  public static boolean isUai(String value) {
    return value != null && UAI.matcher(value).matches();
  }

  public static boolean isCommuneCode(String value) {
    return value != null && COMMUNE.matcher(value).matches();
  }

  public static boolean isPostalCode(String value) {
    return value != null && POSTAL.matcher(value).matches();
  }

  /** Perimeter and partner codes: upper-case letters, digits, '-' and '_', 2 to 32 long. */
  public static boolean isEntityCode(String value) {
    return value != null && CODE.matcher(value).matches();
  }

  public static boolean isDepartement(String value) {
    return value != null && DEPARTEMENT.matcher(value).matches();
  }

  /**
   * True for a SIRET whose check digit is right: 14 digits passing the Luhn check, or, for La
   * Poste's establishments (SIREN 356000000), whose digits add up to a multiple of 5 (INSEE's
   * rule).
   */
  public static boolean isSiret(String value) {
    if (value == null || !value.matches("\\d{14}")) {
      return false;
    }
    if (value.startsWith("356000000")) {
      return value.chars().map(c -> c - '0').sum() % 5 == 0;
    }
    int sum = 0;
    for (int i = 0; i < 14; i++) {
      int digit = value.charAt(13 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  private static String blankToNull(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip().replace(" ", "");
    return v.isEmpty() ? null : v;
  }
}
