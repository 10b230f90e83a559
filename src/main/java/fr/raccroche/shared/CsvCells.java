package fr.raccroche.shared;

import java.util.regex.Pattern;

/**
 * The one CSV cell writer of every export (docs/security.md, R5): quoted when it holds a separator,
 * a quote or a line break; and a text a spreadsheet would run as a formula — starting with {@code
 * =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return — gets a leading apostrophe, so
 * that {@code =HYPERLINK(…)} or {@code -2+3} written by a user stays text. Plain numbers the
 * application writes itself ({@code -3}, {@code -2,5 %}) stay numbers.
 */
public final class CsvCells {
  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("-?\\d+(?:[.,]\\d+)?(?: ?(?:%|pts?|points?))?");

  private CsvCells() {}

  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty()
        && "=+-@\t\r".indexOf(v.charAt(0)) >= 0
        && !PLAIN_NUMBER.matcher(v).matches()) {
      v = "'" + v;
    }
    if (v.contains(";")
        || v.contains("\"")
        || v.contains("\n")
        || v.contains("\r")
        || v.contains(",")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
