package fr.raccroche.pathway;

import java.time.LocalDate;

/** A line of the case list. */
public record CaseSummary(
    String caseNumber,
    String lastName,
    String firstName,
    LocalDate birthDate,
    String perimeterCode,
    CaseStatus status,
    String statusLabel,
    ClosureReason closureReason,
    LocalDate detectedOn,
    String referentPartnerCode) {

  /** The case number and status only: what reaches a log line says nothing of the person. */
  @Override
  public String toString() {
    return "CaseSummary[caseNumber=" + caseNumber + ", status=" + status + "]";
  }
}
