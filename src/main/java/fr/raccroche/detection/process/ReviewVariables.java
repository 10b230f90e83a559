package fr.raccroche.detection.process;

import fr.raccroche.detection.internal.PendingCase;
import fr.raccroche.pathway.LeaverSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Variables of {@code PossibleDuplicateReviewProcess} and {@code PerimeterAssignmentProcess}. The
 * case to open after the review travels as plain variables (no contact details).
 */
final class ReviewVariables {
  static final String DUPLICATE_PROCESS = "PossibleDuplicateReviewProcess";
  static final String PERIMETER_PROCESS = "PerimeterAssignmentProcess";

  static final String PERSON_ID = "personId";
  static final String CANDIDATE_PERSON_ID = "candidatePersonId";
  static final String PERIMETER_CODE = "perimeterCode";
  static final String PERSON_SUMMARY = "personSummary";
  static final String CANDIDATE_SUMMARY = "candidateSummary";
  static final String SOURCE_LABEL = "sourceLabel";
  static final String DUPLICATE_DECISION = "duplicateDecision";
  static final String ASSIGNED_PERIMETER_CODE = "assignedPerimeterCode";
  static final String PERIMETER_OPTIONS = "perimeterOptions";
  static final String CASE_NUMBER = "caseNumber";

  private ReviewVariables() {}

  static Map<String, Object> pending(PendingCase p) {
    Map<String, Object> v = new HashMap<>();
    v.put("pendingSource", p.source() == null ? null : p.source().name());
    v.put("pendingFollowedBy", p.followedByPartnerCode());
    v.put("pendingLeavingDate", p.leavingDate() == null ? null : p.leavingDate().toString());
    v.put("pendingLeavingReason", p.leavingReason());
    v.put("pendingTraining", p.training());
    v.put("pendingLevel", p.level());
    v.put("pendingUai", p.uai());
    v.put("pendingEstablishment", p.establishmentName());
    return v;
  }

  static PendingCase pending(VariableScope scope) {
    return pending(scope.getVariables());
  }

  static PendingCase pending(Map<String, Object> variables) {
    Object source = variables.get("pendingSource");
    Object leaving = variables.get("pendingLeavingDate");
    return new PendingCase(
        source == null ? null : LeaverSource.valueOf(source.toString()),
        (String) variables.get("pendingFollowedBy"),
        leaving == null ? null : LocalDate.parse(leaving.toString()),
        (String) variables.get("pendingLeavingReason"),
        (String) variables.get("pendingTraining"),
        (String) variables.get("pendingLevel"),
        (String) variables.get("pendingUai"),
        (String) variables.get("pendingEstablishment"));
  }

  static long id(VariableScope scope, String name) {
    return ((Number) scope.getVariable(name)).longValue();
  }

  /**
   * The person under review, from the business key ({@code doublon-<id>}, {@code perimetre-<id>})
   * the application set when it opened the review: a task worker can write variables, not the
   * business key (docs/security.md, R1).
   */
  static long reviewedPerson(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    int dash = key == null ? -1 : key.lastIndexOf('-');
    if (dash < 0) {
      throw new IllegalStateException(
          "Review " + execution.getProcessInstanceId() + " has no person in its business key");
    }
    return Long.parseLong(key.substring(dash + 1));
  }
}
