package fr.raccroche.indicators;

import java.util.List;
import java.util.Map;

/**
 * The raw figures of one scope (the département or one perimeter) for a school year and a quarter,
 * before any masking. What a snapshot stores.
 *
 * @param total the three indicators (I1 leavers, I2 taken in charge, I3 cohort and solutions)
 * @param delays median delays of the leavers of I1
 * @param perimeters the same counts per perimeter
 * @param breakdowns per dimension ({@code source}, {@code sex}, {@code ageBand}, {@code lastLevel},
 *     {@code leavingReason}, {@code solutionType}): one row per value
 */
public record IndicatorFigures(
    Counts total, Delays delays, List<Row> perimeters, Map<String, List<Row>> breakdowns) {

  /** Distinct young people counted by each indicator. */
  public record Counts(
      long leavers, long takenInCharge, long oneYearCohort, long solutionAfterOneYear) {

    /** These counts less {@code other}'s, indicator by indicator. */
    public Counts minus(Counts other) {
      return new Counts(
          leavers - other.leavers,
          takenInCharge - other.takenInCharge,
          oneYearCohort - other.oneYearCohort,
          solutionAfterOneYear - other.solutionAfterOneYear);
    }
  }

  /** One value of a dimension (a perimeter code, a sex, an age band…) and its counts. */
  public record Row(String code, Counts counts, Delays delays) {}

  /**
   * Median delays in days over the cases of I1: detection → first contact (cases contacted by the
   * quarter's end), first contact → taken in charge (cases taken in charge by the quarter's end);
   * with the number of cases each median is computed from.
   */
  public record Delays(
      long contactedCases,
      Double medianDaysToFirstContact,
      long takenInChargeCases,
      Double medianDaysToTakenInCharge) {}

  /** The dimensions of the breakdowns, in the order reports show them. */
  public static final List<String> DIMENSIONS =
      List.of("source", "sex", "ageBand", "lastLevel", "leavingReason", "solutionType");
}
