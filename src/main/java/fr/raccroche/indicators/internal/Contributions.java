package fr.raccroche.indicators.internal;

import fr.raccroche.indicators.Quarter;
import fr.raccroche.indicators.SchoolYear;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cases of one young person add to {@code indicator_count}: the whole truth of the counts
 * is "the sum of this over every person", which both the incremental maintenance (after − before,
 * per person touched) and the rebuild use.
 *
 * <ul>
 *   <li>LEAVER: in each cell (school year of the leaving date, scope, dimension value) the person
 *       counts once, in the month of their earliest leaving date there; a quarter's I1 sums the
 *       months of the school year up to the quarter's end.
 *   <li>TAKEN: the same with the later of the leaving date and the first taking in charge (I2 asks
 *       for both by the quarter's end).
 *   <li>COHORT, SOLUTION: once per quarter of first contact (I3 looks at exactly one quarter, one
 *       year earlier).
 *   <li>CONTACT_DAYS, TAKEN_DAYS: per case (the medians are over cases), one row per number of
 *       days, in the month of the later of the leaving date and the milestone.
 * </ul>
 *
 * Every cell is the département's of the case ({@code departement}): a young person with cases in
 * two départements counts in each (a regional total adds the départements up).
 *
 * <p>Cases closed as not eligible or as a false detection add nothing.
 */
final class Contributions {
  /** The dimensions of the breakdowns kept per value (solutionType only for SOLUTION). */
  static final List<String> DIMENSIONS =
      List.of("source", "sex", "ageBand", "lastLevel", "leavingReason");

  private Contributions() {}

  static Map<CountKey, Long> of(Collection<FactState> facts) {
    Map<CountKey, LocalDate> earliest = new HashMap<>();
    Map<CountKey, Long> out = new HashMap<>();
    for (FactState f : facts) {
      if ("NOT_ELIGIBLE".equals(f.closureReason()) || "FALSE_DETECTION".equals(f.closureReason())) {
        continue;
      }
      String[] scopes = {CountKey.DEPARTEMENT, code(f.perimeter())};
      String[][] cells = cells(f);
      LocalDate leaving = f.leavingDate();
      if (leaving != null) {
        int year = SchoolYear.of(leaving).startYear();
        LocalDate taken = f.takenInChargeOn() == null ? null : later(leaving, f.takenInChargeOn());
        for (String scope : scopes) {
          for (String[] cell : cells) {
            earliest.merge(
                new CountKey(f.departement(), CountKey.LEAVER, year, null, scope, cell[0], cell[1]),
                month(leaving),
                Contributions::min);
            if (taken != null) {
              earliest.merge(
                  new CountKey(
                      f.departement(), CountKey.TAKEN, year, null, scope, cell[0], cell[1]),
                  month(taken),
                  Contributions::min);
            }
          }
          if (f.firstContactOn() != null && f.daysToFirstContact() != null) {
            add(
                out,
                new CountKey(
                    f.departement(),
                    CountKey.CONTACT_DAYS,
                    year,
                    month(later(leaving, f.firstContactOn())),
                    scope,
                    CountKey.DAYS,
                    f.daysToFirstContact().toString()));
          }
          if (taken != null && f.daysToTakenInCharge() != null) {
            add(
                out,
                new CountKey(
                    f.departement(),
                    CountKey.TAKEN_DAYS,
                    year,
                    month(taken),
                    scope,
                    CountKey.DAYS,
                    f.daysToTakenInCharge().toString()));
          }
        }
      }
      if (f.firstContactOn() != null) {
        LocalDate quarter = Quarter.of(f.firstContactOn()).start();
        boolean solution = Boolean.TRUE.equals(f.oneYearInSolution());
        for (String scope : scopes) {
          for (String[] cell : cells) {
            out.put(
                new CountKey(f.departement(), CountKey.COHORT, 0, quarter, scope, cell[0], cell[1]),
                1L);
            if (solution) {
              out.put(
                  new CountKey(
                      f.departement(), CountKey.SOLUTION, 0, quarter, scope, cell[0], cell[1]),
                  1L);
            }
          }
          if (solution) {
            out.put(
                new CountKey(
                    f.departement(),
                    CountKey.SOLUTION,
                    0,
                    quarter,
                    scope,
                    "solutionType",
                    code(f.oneYearSolutionType())),
                1L);
          }
        }
      }
    }
    // The distinct counts: the person once per cell, in the month of their earliest case there.
    earliest.forEach(
        (k, month) ->
            out.put(
                new CountKey(
                    k.departement(),
                    k.kind(),
                    k.schoolYear(),
                    month,
                    k.scope(),
                    k.dimension(),
                    k.value()),
                1L));
    return out;
  }

  /** after − before, without the zeros. */
  static Map<CountKey, Long> delta(Map<CountKey, Long> before, Map<CountKey, Long> after) {
    Map<CountKey, Long> d = new HashMap<>(after);
    before.forEach((k, n) -> d.merge(k, -n, Long::sum));
    d.values().removeIf(n -> n == 0);
    return d;
  }

  private static String[][] cells(FactState f) {
    return new String[][] {
      {CountKey.TOTAL, CountKey.NONE},
      {"source", code(f.source())},
      {"sex", code(f.sex())},
      {"ageBand", code(f.ageBand())},
      {"lastLevel", code(f.lastLevel())},
      {"leavingReason", code(f.leavingReason())}
    };
  }

  private static void add(Map<CountKey, Long> out, CountKey key) {
    out.merge(key, 1L, Long::sum);
  }

  private static String code(String value) {
    return value == null ? CountKey.NONE : value;
  }

  private static LocalDate month(LocalDate day) {
    return day.withDayOfMonth(1);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
