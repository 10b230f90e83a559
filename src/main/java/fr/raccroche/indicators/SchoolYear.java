package fr.raccroche.indicators;

import fr.raccroche.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year, {@code 2025-2026} = 1 September 2025 – 31 August 2026. */
public record SchoolYear(int startYear) {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})");

  /** Parses {@code 2025-2026}; a French 400 otherwise. */
  public static SchoolYear parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw new InvalidInputException(
          "schoolYear",
          "Année scolaire invalide : « " + text + " » (attendu AAAA-AAAA, par exemple 2025-2026).");
    }
    int start = Integer.parseInt(m.group(1));
    if (Integer.parseInt(m.group(2)) != start + 1 || start < 2000 || start > 2100) {
      throw new InvalidInputException(
          "schoolYear",
          "Année scolaire invalide : « "
              + text
              + " » (deux années qui se suivent, par exemple 2025-2026).");
    }
    return new SchoolYear(start);
  }

  /** The school year a day belongs to. */
  public static SchoolYear of(LocalDate day) {
    return new SchoolYear(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1);
  }

  public LocalDate start() {
    return LocalDate.of(startYear, 9, 1);
  }

  public LocalDate end() {
    return LocalDate.of(startYear + 1, 8, 31);
  }

  /** Does the quarter overlap this school year? */
  public boolean overlaps(Quarter quarter) {
    return !quarter.start().isAfter(end()) && !quarter.end().isBefore(start());
  }

  @Override
  public String toString() {
    return startYear + "-" + (startYear + 1);
  }
}
