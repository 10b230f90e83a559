package fr.raccroche.indicators.internal;

import java.time.LocalDate;
import java.util.Comparator;

/** One cell of {@code indicator_count} (see the migration for the meaning of each column). */
record CountKey(
    String departement,
    String kind,
    int schoolYear,
    LocalDate periodStart,
    String scope,
    String dimension,
    String value)
    implements Comparable<CountKey> {

  static final String LEAVER = "LEAVER";
  static final String TAKEN = "TAKEN";
  static final String COHORT = "COHORT";
  static final String SOLUTION = "SOLUTION";
  static final String CONTACT_DAYS = "CONTACT_DAYS";
  static final String TAKEN_DAYS = "TAKEN_DAYS";

  /** The scope of the whole département of the row ({@code departement}). */
  static final String DEPARTEMENT = "*";

  static final String TOTAL = "total";
  static final String DAYS = "days";

  /** The stored value of a missing code (a perimeter, a sex, a reason…). */
  static final String NONE = "";

  private static final Comparator<CountKey> ORDER =
      Comparator.comparing(CountKey::departement)
          .thenComparing(CountKey::kind)
          .thenComparingInt(CountKey::schoolYear)
          .thenComparing(CountKey::periodStart)
          .thenComparing(CountKey::scope)
          .thenComparing(CountKey::dimension)
          .thenComparing(CountKey::value);

  /** The order in which upserts lock the rows (the same in every transaction: no deadlock). */
  @Override
  public int compareTo(CountKey other) {
    return ORDER.compare(this, other);
  }
}
