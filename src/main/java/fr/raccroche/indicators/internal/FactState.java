package fr.raccroche.indicators.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * What the counts read of one {@code indicator_case_fact} row: an immutable copy, so that the state
 * of a case before a transaction changed it can be kept next to its state after.
 */
record FactState(
    String caseNumber,
    String departement,
    long personId,
    String perimeter,
    String source,
    String sex,
    String ageBand,
    String lastLevel,
    String leavingReason,
    LocalDate leavingDate,
    LocalDate firstContactOn,
    LocalDate takenInChargeOn,
    Integer daysToFirstContact,
    Integer daysToTakenInCharge,
    Boolean oneYearInSolution,
    String oneYearSolutionType,
    String closureReason) {

  /** The columns {@link #of(ResultSet)} reads. */
  static final String COLUMNS =
      "case_number, departement, person_id, perimeter_code, source, sex, age_band, last_level, leaving_reason,"
          + " leaving_date, first_contact_on, taken_in_charge_on, days_to_first_contact,"
          + " days_to_taken_in_charge, one_year_in_solution, one_year_solution_type,"
          + " closure_reason";

  static FactState of(CaseFactEntity f) {
    return new FactState(
        f.getCaseNumber(),
        f.getDepartement(),
        f.getPersonId(),
        f.getPerimeterCode(),
        f.getSource(),
        f.getSex(),
        f.getAgeBand(),
        f.getLastLevel(),
        f.getLeavingReason(),
        f.getLeavingDate(),
        f.getFirstContactOn(),
        f.getTakenInChargeOn(),
        f.getDaysToFirstContact(),
        f.getDaysToTakenInCharge(),
        f.getOneYearInSolution(),
        f.getOneYearSolutionType(),
        f.getClosureReason());
  }

  static FactState of(ResultSet rs) throws SQLException {
    return new FactState(
        rs.getString("case_number"),
        rs.getString("departement"),
        rs.getLong("person_id"),
        rs.getString("perimeter_code"),
        rs.getString("source"),
        rs.getString("sex"),
        rs.getString("age_band"),
        rs.getString("last_level"),
        rs.getString("leaving_reason"),
        rs.getObject("leaving_date", LocalDate.class),
        rs.getObject("first_contact_on", LocalDate.class),
        rs.getObject("taken_in_charge_on", LocalDate.class),
        (Integer) rs.getObject("days_to_first_contact", Integer.class),
        (Integer) rs.getObject("days_to_taken_in_charge", Integer.class),
        (Boolean) rs.getObject("one_year_in_solution", Boolean.class),
        rs.getString("one_year_solution_type"),
        rs.getString("closure_reason"));
  }
}
