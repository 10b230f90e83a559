package fr.raccroche.coordination.process;

import fr.raccroche.coordination.OfferService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_ConfirmOffer, after Task_UpdateOffer: the partner confirmed the offer is still
 * accurate; its last update becomes today (with the places given), so the process waits six months
 * again.
 */
@Component("confirmOfferDelegate")
public class ConfirmOfferDelegate implements JavaDelegate {
  private final OfferService offers;

  public ConfirmOfferDelegate(OfferService offers) {
    this.offers = offers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object places = execution.getVariable(CoordinationTaskValidation.PLACES_AVAILABLE);
    long offerId = InstanceKeys.offerId(execution);
    var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String lastUpdated =
        offers.confirmStillAccurate(
            offerId,
            places instanceof Number n ? n.intValue() : null,
            who == null ? "tâche de mise à jour" : who.getUserId());
    execution.setVariable(OfferProcesses.OFFER_LAST_UPDATED_ON, lastUpdated);
  }
}
