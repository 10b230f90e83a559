package fr.raccroche.indicators;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * One figure of a report as its reader sees it: a number, or a masked small count ("{@code < 5}"),
 * or a masked rate or median ("{@code masqué}"), or nothing to show ({@code null}, e.g. a rate over
 * an empty cohort). JSON carries the number itself, or the French text when masked; the page, the
 * CSV and the PDF print {@link #text()}.
 */
public record Figure(Number value, boolean masked, String text) {
  public static final String MASKED_VALUE = "masqué";

  public static Figure count(long value) {
    return new Figure(value, false, Long.toString(value));
  }

  public static Figure maskedCount(int threshold) {
    return new Figure(null, true, "< " + threshold);
  }

  /** A percentage or a number of days, one decimal; null = not applicable. */
  public static Figure decimal(Double value) {
    return value == null
        ? new Figure(null, false, "–")
        : new Figure(round(value), false, format(round(value)));
  }

  public static Figure maskedDecimal() {
    return new Figure(null, true, MASKED_VALUE);
  }

  @JsonValue
  public Object json() {
    return masked ? text : value;
  }

  /** Value as a long (0 when masked or empty). */
  public long longValue() {
    return value == null ? 0 : value.longValue();
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** French decimal: one digit after a comma, none when whole. */
  public static String format(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.FRANCE, "%.1f", value);
  }
}
