package fr.raccroche.indicators.internal;

/**
 * The age bands at leaving of docs/specification.md §4 Indicators (16–17, 18–20, 21–25), and the
 * rest.
 */
public final class AgeBands {
  public static final String B16_17 = "16-17";
  public static final String B18_20 = "18-20";
  public static final String B21_25 = "21-25";
  public static final String OTHER = "OTHER";
  public static final String UNKNOWN = "UNKNOWN";

  private AgeBands() {}

  public static String of(Integer age) {
    if (age == null) {
      return UNKNOWN;
    }
    if (age >= 16 && age <= 17) {
      return B16_17;
    }
    if (age >= 18 && age <= 20) {
      return B18_20;
    }
    if (age >= 21 && age <= 25) {
      return B21_25;
    }
    return OTHER;
  }
}
