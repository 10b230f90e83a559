package fr.raccroche.coordination.process;

import fr.raccroche.security.CaseAccessService;
import fr.raccroche.shared.Departement;
import fr.raccroche.territory.TerritoryCodes;
import fr.raccroche.territory.TerritoryService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts and moves the one {@code OfferUpdateProcess} instance of each offer (business key {@code
 * offre-<id>}): started with the offer, told when the offer is updated (its timer restarts from the
 * new date and an open "Mettre à jour l'offre" task closes), never started twice.
 */
@Component
public class OfferProcesses {
  public static final String PROCESS_KEY = "OfferUpdateProcess";
  public static final String MSG_OFFER_UPDATED = "Msg_OfferUpdated";
  public static final String OFFER_ID = "offerId";
  public static final String OFFER_NAME = "offerName";
  public static final String OFFER_LAST_UPDATED_ON = "offerLastUpdatedOn";
  public static final String PARTNER_CODE = "partnerCode";

  private final RuntimeService runtime;
  private final CaseAccessService access;

  private final TerritoryService territory;

  public OfferProcesses(
      RuntimeService runtime, CaseAccessService access, TerritoryService territory) {
    this.territory = territory;
    this.runtime = runtime;
    this.access = access;
  }

  public static String businessKey(long offerId) {
    return "offre-" + offerId;
  }

  /** The offer was created (or has no running process yet): start its process once. */
  public void published(long offerId, String partnerCode, String offerName, String lastUpdated) {
    if (running(offerId) != null) {
      updated(offerId, offerName, lastUpdated);
      return;
    }
    Map<String, Object> v = new HashMap<>();
    v.put(OFFER_ID, offerId);
    v.put(PARTNER_CODE, partnerCode);
    v.put(Departement.VARIABLE, territory.partner(partnerCode).departement()); // the tenant
    v.put(OFFER_NAME, offerName);
    v.put(OFFER_LAST_UPDATED_ON, lastUpdated);
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(offerId), v);
    access.grantCase(instance.getId(), TerritoryCodes.partnerGroup(partnerCode));
  }

  /** The offer was updated: the process waits again from the new date (its task, if open, ends). */
  public void updated(long offerId, String offerName, String lastUpdated) {
    ProcessInstance instance = running(offerId);
    if (instance == null) {
      return;
    }
    runtime.setVariable(instance.getId(), OFFER_NAME, offerName);
    runtime.setVariable(instance.getId(), OFFER_LAST_UPDATED_ON, lastUpdated);
    runtime
        .createMessageCorrelation(MSG_OFFER_UPDATED)
        .processInstanceBusinessKey(businessKey(offerId))
        .correlateAll();
  }

  /** The running instance of the offer, if any. */
  public ProcessInstance running(long offerId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(businessKey(offerId))
        .active()
        .singleResult();
  }
}
