package fr.raccroche.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The report of one quarter for the département or one perimeter, as the JSON, the page, the CSV
 * and the PDF show it (masked for the prefecture: see {@link Figure}). No name, no case number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorReport(
    String departement,
    String schoolYear,
    String quarter,
    String quarterLabel,
    String perimeter,
    String perimeterName,
    LocalDate leavingFrom,
    LocalDate leavingTo,
    LocalDate cohortFirstContactFrom,
    LocalDate cohortFirstContactTo,
    String status,
    String statusLabel,
    Long snapshotId,
    Instant computedAt,
    Instant publishedAt,
    String reviewComment,
    boolean masked,
    int smallCountThreshold,
    Figure leavers,
    Figure takenInCharge,
    Figure takenInChargeRate,
    Figure oneYearCohort,
    Figure solutionAfterOneYear,
    Figure solutionRate,
    DelaysView delays,
    List<Line> perimeters,
    Map<String, Breakdown> breakdowns,
    List<ObjectiveView> objectives,
    List<TrendPoint> trend) {

  public static final String PUBLISHED = "PUBLISHED";
  public static final String PROVISIONAL = "PROVISIONAL";

  /** One row of a table: a perimeter, or a value of a breakdown. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Line(
      String code,
      String label,
      Figure leavers,
      Figure takenInCharge,
      Figure takenInChargeRate,
      Figure oneYearCohort,
      Figure solutionAfterOneYear,
      Figure solutionRate,
      DelaysView delays) {}

  /**
   * A breakdown: its French title, its rows, and below them what makes the rows add up to the
   * report's totals: "Masqués / autres" (the total minus the visible cells: masked small counts,
   * values left out) when it is not zero, then "Total" (I1, I2, I3 of the report).
   */
  public record Breakdown(String title, List<Line> rows, List<Line> footer) {
    public Breakdown(String title, List<Line> rows) {
      this(title, rows, List.of());
    }
  }

  /** Median delays, in days, and how many cases each is computed from. */
  public record DelaysView(
      Figure contactedCases,
      Figure medianDaysDetectionToFirstContact,
      Figure takenInChargeCases,
      Figure medianDaysFirstContactToTakenInCharge) {}

  /** An indicator against its objective. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ObjectiveView(
      String indicator,
      String indicatorLabel,
      String kind,
      BigDecimal target,
      Figure actual,
      String status,
      String statusLabel,
      Figure gap) {}

  /** One published quarter of the trend. */
  public record TrendPoint(
      String schoolYear,
      String quarter,
      Instant publishedAt,
      Figure leavers,
      Figure takenInCharge,
      Figure solutionRate) {}
}
