package fr.raccroche.pathway;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Case numbers: {@code <schoolYearStart>-<département>-<6 digits>}, e.g. {@code 2025-69-000123}.
 */
public final class CaseNumbers {
  private static final Pattern FORMAT = Pattern.compile("\\d{4}-(\\d{2,3}|2[AB])-\\d{6}");

  private CaseNumbers() {}

  /** The school year runs from 1 September to 31 August: its start is that September's year. */
  public static int schoolYearStart(LocalDate date) {
    return date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
  }

  public static String format(int schoolYearStart, String departement, long sequence) {
    if (sequence > 999_999) {
      throw new IllegalStateException("Case number series exhausted for " + schoolYearStart);
    }
    return String.format("%d-%s-%06d", schoolYearStart, departement, sequence);
  }

  public static boolean isValid(String caseNumber) {
    return caseNumber != null && FORMAT.matcher(caseNumber).matches();
  }

  /** The département a (valid) case number was given in: {@code 2025-69-000123} → {@code 69}. */
  public static String departementOf(String caseNumber) {
    if (!isValid(caseNumber)) {
      throw new IllegalArgumentException("Not a case number");
    }
    return caseNumber.substring(5, caseNumber.lastIndexOf('-'));
  }
}
