package fr.raccroche.indicators.internal;

import fr.raccroche.indicators.IndicatorFigures;
import fr.raccroche.indicators.IndicatorFigures.Counts;
import fr.raccroche.indicators.IndicatorFigures.Delays;
import fr.raccroche.indicators.IndicatorFigures.Row;
import fr.raccroche.indicators.Quarter;
import fr.raccroche.indicators.SchoolYear;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The indicators as aggregate SQL over {@code indicator_case_fact} (a scan of the school year:
 * seconds at a million cases; the reports read {@link IndicatorCounts}, this stays as the
 * independent check of the counts in the tests and the benchmark), the same on H2 and PostgreSQL
 * (conditional {@code COUNT(DISTINCT …)}, {@code PERCENTILE_CONT … WITHIN GROUP}, no date
 * arithmetic: the delays are stored in days).
 *
 * <ul>
 *   <li>I1: distinct young people of cases in scope whose leaving date is in the school year, up to
 *       the quarter's end;
 *   <li>I2: those of I1 whose case was taken in charge by the quarter's end;
 *   <li>I3: distinct young people whose first contact is one year before a day of the quarter
 *       (first contact + 1 year in the quarter), and those of them in solution at the one-year
 *       check.
 * </ul>
 *
 * Out of scope: cases closed as not eligible or as a false detection.
 */
@Component
public class FigureQueries {
  private static final String LEAVER = "leaving_date BETWEEN :leavingFrom AND :leavingTo";
  private static final String COHORT = "first_contact_on BETWEEN :cohortFrom AND :cohortTo";
  private static final String CONTACTED =
      LEAVER + " AND first_contact_on <= :quarterEnd AND days_to_first_contact IS NOT NULL";
  private static final String TAKEN =
      LEAVER + " AND taken_in_charge_on <= :quarterEnd AND days_to_taken_in_charge IS NOT NULL";

  /** I1, I2, I3 and its solutions: the distinct {@code what} (a person, a département) of each. */
  private static String counts(String what) {
    return "COUNT(DISTINCT CASE WHEN "
        + LEAVER
        + " THEN "
        + what
        + " END) AS leavers, "
        + "COUNT(DISTINCT CASE WHEN "
        + LEAVER
        + " AND taken_in_charge_on <= :quarterEnd THEN "
        + what
        + " END) AS taken, "
        + "COUNT(DISTINCT CASE WHEN "
        + COHORT
        + " THEN "
        + what
        + " END) AS cohort, "
        + "COUNT(DISTINCT CASE WHEN "
        + COHORT
        + " AND one_year_in_solution = TRUE THEN "
        + what
        + " END) AS solution";
  }

  private static final String COUNTS = counts("person_id");
  private static final String DELAYS =
      "COUNT(CASE WHEN "
          + CONTACTED
          + " THEN 1 END) AS contacted, "
          + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN "
          + CONTACTED
          + " THEN days_to_first_contact END) AS median_contact, "
          + "COUNT(CASE WHEN "
          + TAKEN
          + " THEN 1 END) AS taken_cases, "
          + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN "
          + TAKEN
          + " THEN days_to_taken_in_charge END) AS median_taken";
  private static final String IN_SCOPE =
      "(closure_reason IS NULL OR closure_reason NOT IN ('NOT_ELIGIBLE', 'FALSE_DETECTION'))";

  /** Dimension name → column. */
  private static final Map<String, String> DIMENSIONS =
      Map.of(
          "source", "source",
          "sex", "sex",
          "ageBand", "age_band",
          "lastLevel", "last_level",
          "leavingReason", "leaving_reason");

  private final NamedParameterJdbcTemplate jdbc;

  FigureQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The figures of the département ({@code perimeter} null) or of one perimeter. */
  public IndicatorFigures compute(SchoolYear year, Quarter quarter, String perimeter) {
    MapSqlParameterSource p = parameters(year, quarter, perimeter);
    String where =
        " FROM indicator_case_fact WHERE ("
            + LEAVER
            + " OR "
            + COHORT
            + ") AND "
            + IN_SCOPE
            + (perimeter == null ? "" : " AND perimeter_code = :perimeter");
    Row total =
        jdbc.query("SELECT " + COUNTS + ", " + DELAYS + where, p, (rs, i) -> row(rs, null, true))
            .get(0);
    List<Row> perimeters =
        jdbc.query(
            "SELECT perimeter_code AS k, "
                + COUNTS
                + ", "
                + DELAYS
                + where
                + " GROUP BY perimeter_code ORDER BY perimeter_code",
            p,
            (rs, i) -> row(rs, rs.getString("k"), true));
    Map<String, List<Row>> breakdowns = new LinkedHashMap<>();
    for (String dimension : IndicatorFigures.DIMENSIONS) {
      if (dimension.equals("solutionType")) {
        breakdowns.put(
            dimension,
            jdbc.query(
                "SELECT one_year_solution_type AS k, COUNT(DISTINCT person_id) AS solution"
                    + " FROM indicator_case_fact WHERE "
                    + COHORT
                    + " AND one_year_in_solution = TRUE AND "
                    + IN_SCOPE
                    + (perimeter == null ? "" : " AND perimeter_code = :perimeter")
                    + " GROUP BY one_year_solution_type ORDER BY one_year_solution_type",
                p,
                (rs, i) ->
                    new Row(
                        code(rs.getString("k")),
                        new Counts(0, 0, 0, rs.getLong("solution")),
                        null)));
        continue;
      }
      String column = DIMENSIONS.get(dimension);
      breakdowns.put(
          dimension,
          new ArrayList<>(
              jdbc.query(
                  "SELECT "
                      + column
                      + " AS k, "
                      + COUNTS
                      + where
                      + " GROUP BY "
                      + column
                      + " ORDER BY "
                      + column,
                  p,
                  (rs, i) -> row(rs, code(rs.getString("k")), false))));
    }
    return new IndicatorFigures(total.counts(), total.delays(), perimeters, breakdowns);
  }

  /**
   * What adding up several départements' counts counts twice: the young people who moved between
   * them (a case opened in another département by a transfer, origin {@code TRANSFER}) and are in
   * an indicator in more than one of them. For each indicator, the sum over those people of the
   * départements they are counted in, less one. Subtracted from the sum, it gives the distinct
   * young people of the départements together. One read of the moved people's facts (a few,
   * whatever the number of cases: {@code ix_case_fact_origin}).
   */
  public Counts countedTwice(
      SchoolYear year, Quarter quarter, java.util.Collection<String> departements) {
    MapSqlParameterSource p = parameters(year, quarter, null);
    p.addValue("departements", new ArrayList<>(departements));
    long[] twice = new long[4];
    jdbc.query(
        "SELECT person_id, "
            + counts("departement")
            + " FROM indicator_case_fact WHERE departement IN (:departements) AND "
            + IN_SCOPE
            + " AND person_id IN (SELECT person_id FROM indicator_case_fact"
            + " WHERE origin = 'TRANSFER' AND departement IN (:departements))"
            + " GROUP BY person_id",
        p,
        rs -> {
          Counts inHowMany = row(rs, null, false).counts();
          twice[0] += Math.max(0, inHowMany.leavers() - 1);
          twice[1] += Math.max(0, inHowMany.takenInCharge() - 1);
          twice[2] += Math.max(0, inHowMany.oneYearCohort() - 1);
          twice[3] += Math.max(0, inHowMany.solutionAfterOneYear() - 1);
        });
    return new Counts(twice[0], twice[1], twice[2], twice[3]);
  }

  private static String code(String value) {
    return value == null ? "UNKNOWN" : value;
  }

  private static Row row(ResultSet rs, String code, boolean delays) throws SQLException {
    Counts counts =
        new Counts(
            rs.getLong("leavers"),
            rs.getLong("taken"),
            rs.getLong("cohort"),
            rs.getLong("solution"));
    return new Row(
        code,
        counts,
        delays
            ? new Delays(
                rs.getLong("contacted"),
                number(rs.getObject("median_contact")),
                rs.getLong("taken_cases"),
                number(rs.getObject("median_taken")))
            : null);
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  static MapSqlParameterSource parameters(SchoolYear year, Quarter quarter, String perimeter) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    p.addValue("leavingFrom", year.start());
    p.addValue("leavingTo", quarter.end().isBefore(year.end()) ? quarter.end() : year.end());
    p.addValue("quarterEnd", quarter.end());
    p.addValue("cohortFrom", quarter.start().minusYears(1));
    p.addValue("cohortTo", quarter.end().minusYears(1));
    if (perimeter != null) {
      p.addValue("perimeter", perimeter);
    }
    return p;
  }
}
