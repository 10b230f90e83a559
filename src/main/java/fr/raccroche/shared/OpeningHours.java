package fr.raccroche.shared;

import java.util.regex.Pattern;

/**
 * Opening hours in the OpenStreetMap {@code opening_hours} syntax that data·inclusion asks for
 * ({@code Mo-Fr 08:30-12:30,13:30-17:00; PH off}). The check is on the shape (days, times, rules
 * separated by {@code ;}), enough to refuse free text such as "du lundi au vendredi".
 */
public final class OpeningHours {
  private static final String DAY = "(Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)";
  private static final String DAYS = DAY + "(-" + DAY + ")?(\\[[0-9,\\-]+\\])?";
  private static final String TIME = "([01]\\d|2[0-4]):[0-5]\\d";
  private static final String SPAN = TIME + "-" + TIME + "\\+?";
  private static final String MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
  private static final String MONTHS = MONTH + "( \\d{1,2})?(-" + MONTH + "( \\d{1,2})?)?";
  private static final String RULE =
      "(?=\\S)(24/7|((week [0-9,\\-/]+ )?("
          + MONTHS
          + "(,"
          + MONTHS
          + ")* )?("
          + DAYS
          + "(,"
          + DAYS
          + ")*)?( ?("
          + SPAN
          + "(,"
          + SPAN
          + ")*|off|closed|open))?)( \"[^\"]*\")?)";
  private static final Pattern HOURS = Pattern.compile(RULE + "( ?[;,|]{1,2} ?" + RULE + ")*");

  private OpeningHours() {}

  /**
   * The hours stripped, or null when blank; a French refusal naming the field when they do not
   * follow the syntax or are longer than 500 characters.
   */
  public static String checked(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > 500 || !HOURS.matcher(v).matches()) {
      throw new InvalidInputException(
          field,
          "Horaires invalides : « "
              + v
              + " ». Utilisez le format OpenStreetMap, par exemple « Mo-Fr 09:00-12:00,14:00-17:00;"
              + " PH off ».");
    }
    return v;
  }
}
