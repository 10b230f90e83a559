package fr.raccroche.pathway;

import java.util.Locale;
import java.util.regex.Pattern;

/** The national pupil identifier (INE): 10 digits + 1 letter, or 9 digits + 2 letters. */
public final class Ine {
  private static final Pattern FORMAT = Pattern.compile("\\d{10}[A-Z]|\\d{9}[A-Z]{2}");

  /** French reason given when an INE is malformed. */
  public static final String INVALID =
      "INE invalide : 11 caractères attendus (10 chiffres et 1 lettre, ou 9 chiffres et 2 lettres).";

  private Ine() {}

  /** Spaces removed, upper case; null when blank. */
  public static String normalise(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.replace(" ", "").strip().toUpperCase(Locale.ROOT);
  }

  public static boolean isValid(String normalised) {
    return normalised != null && FORMAT.matcher(normalised).matches();
  }
}
