package fr.raccroche.pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * Published in the transaction that completes a case's needs analysis (Task_AnalyseNeeds): the
 * needs found, without personal data, so that other modules keep their own figures (territorial
 * diagnosis) beyond the retention of the process history.
 */
public record NeedsAnalysed(
    String caseNumber,
    String perimeterCode,
    Need primaryNeed,
    List<Need> otherNeeds,
    LocalDate analysedOn) {
  public NeedsAnalysed {
    otherNeeds = otherNeeds == null ? List.of() : List.copyOf(otherNeeds);
  }
}
