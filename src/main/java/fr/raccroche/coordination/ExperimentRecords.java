package fr.raccroche.coordination;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The records of the local experiments (calls for projects, projects, participation). */
public final class ExperimentRecords {
  private ExperimentRecords() {}

  /** What the API and pages send to create a call. */
  public record CallRequest(
      String title,
      String funder,
      String description,
      BigDecimal budgetEnvelope,
      LocalDate opensOn,
      LocalDate closesOn) {}

  /** A call with its budget: granted to the selected projects, and what is left. */
  public record Call(
      long id,
      String title,
      String funder,
      String description,
      BigDecimal budgetEnvelope,
      LocalDate opensOn,
      LocalDate closesOn,
      BigDecimal requested,
      BigDecimal granted,
      BigDecimal remaining,
      List<Project> projects) {}

  /** What a partner sends to submit a project. */
  public record ProjectRequest(
      String carrierPartnerCode,
      String perimeterCode,
      String title,
      String description,
      BigDecimal amountRequested,
      LocalDate startDate,
      LocalDate endDate) {}

  /** A project, with the outcome of the cases taking part (aggregates only). */
  public record Project(
      long id,
      long callId,
      String carrierPartnerCode,
      String carrierPartnerName,
      String perimeterCode,
      String title,
      String description,
      BigDecimal amountRequested,
      BigDecimal amountGranted,
      LocalDate startDate,
      LocalDate endDate,
      ProjectStatus status,
      String selectionComment,
      String interimReport,
      String finalReport,
      String evaluation,
      Participation participation) {}

  /**
   * The cases taking part in a project: counts and rates only, never a name. Fewer cases than the
   * small-count threshold (but some): {@code tooFewToShow}, and no count nor rate at all.
   */
  public record Participation(
      boolean tooFewToShow,
      int threshold,
      Integer cases,
      Integer takenInCharge,
      Double takenInChargeRate,
      Integer inSolution,
      Double inSolutionRate,
      Integer oneYearChecked,
      Integer oneYearInSolution,
      Double oneYearSolutionRate) {}
}
