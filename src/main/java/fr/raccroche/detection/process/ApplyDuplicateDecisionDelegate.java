package fr.raccroche.detection.process;

import static fr.raccroche.detection.process.ReviewVariables.*;

import fr.raccroche.detection.internal.ReviewOutcomes;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_ApplyDuplicateDecision of PossibleDuplicateReviewProcess: merge into the known
 * record, or keep apart and open the new person's case.
 */
@Component("applyDuplicateDecisionDelegate")
class ApplyDuplicateDecisionDelegate implements JavaDelegate {
  private final ReviewOutcomes outcomes;

  ApplyDuplicateDecisionDelegate(ReviewOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object decision = execution.getVariable(DUPLICATE_DECISION);
    String perimeter = (String) execution.getVariable(PERIMETER_CODE);
    String caseNumber;
    if ("MERGE".equals(decision)) {
      caseNumber =
          outcomes.merge(
              reviewedPerson(execution),
              id(execution, CANDIDATE_PERSON_ID),
              perimeter,
              pending(execution));
    } else if ("KEEP_APART".equals(decision)) {
      caseNumber = outcomes.openCase(reviewedPerson(execution), perimeter, pending(execution));
    } else {
      throw new BadUserRequestException(
          "Indiquez s'il s'agit de la même personne ou de deux personnes différentes.");
    }
    execution.setVariable(CASE_NUMBER, caseNumber);
  }
}
