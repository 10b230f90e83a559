package fr.raccroche.pathway.process;

import fr.raccroche.pathway.Signalements;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_ApplySignalementDecision of SignalementReviewProcess: the coordinators take the
 * signalled contact details, or keep the record as it is. The case is the business key; the
 * signalement must be about that case (the id variable is checked against the record).
 */
@Component("applySignalementDecisionDelegate")
class ApplySignalementDecisionDelegate implements JavaDelegate {
  private final Signalements signalements;

  ApplySignalementDecisionDelegate(Signalements signalements) {
    this.signalements = signalements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object decision = execution.getVariable(SignalementReviews.DECISION);
    if (!"APPLY".equals(decision) && !"IGNORE".equals(decision)) {
      throw new BadUserRequestException(
          "Indiquez si les coordonnées signalées remplacent celles du dossier.");
    }
    Object id = execution.getVariable(SignalementReviews.SIGNALEMENT_ID);
    if (!(id instanceof Number number)) {
      throw new BadUserRequestException("Signalement inconnu.");
    }
    signalements.decide(
        execution.getProcessBusinessKey(), number.longValue(), "APPLY".equals(decision));
  }
}
