package fr.raccroche.indicators;

import fr.raccroche.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, {@code 2026-Q1} = 1 January – 31 March 2026. */
public record Quarter(int year, int number) {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

  /** Parses {@code 2026-Q1}; a French 400 otherwise. */
  public static Quarter parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.strip().toUpperCase());
    if (m == null || !m.matches()) {
      throw new InvalidInputException(
          "quarter",
          "Trimestre invalide : « " + text + " » (attendu AAAA-Qn, par exemple 2026-Q1).");
    }
    return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The quarter a day belongs to. */
  public static Quarter of(LocalDate day) {
    return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  public LocalDate start() {
    return LocalDate.of(year, (number - 1) * 3 + 1, 1);
  }

  public LocalDate end() {
    return start().plusMonths(3).minusDays(1);
  }

  public Quarter previous() {
    return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
  }

  /**
   * The school year a quarter reports on by default: the one of its first day (2026-Q3, July to
   * September 2026, closes the school year 2025-2026).
   */
  public SchoolYear schoolYear() {
    return SchoolYear.of(start());
  }

  /** French label, "1er trimestre 2026". */
  public String label() {
    return (number == 1 ? "1er" : number + "e") + " trimestre " + year;
  }

  @Override
  public String toString() {
    return year + "-Q" + number;
  }
}
