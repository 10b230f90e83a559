package fr.raccroche.pathway.process;

import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.security.CaseAccessService;
import fr.raccroche.shared.Departement;
import fr.raccroche.territory.TerritoryCodes;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Opens {@code SignalementReviewProcess}: the coordinators of the perimeter that follows a young
 * person get "Examiner un signalement d'un autre périmètre" with what the signaller gave. The
 * process carries the signalement's id (the details stay in the case record) and a French summary
 * for the form (personal data: runtime only, no history, see {@code
 * raccroche.privacy.variables-without-history}).
 */
@Component
public class SignalementReviews {
  public static final String PROCESS_KEY = "SignalementReviewProcess";
  public static final String SIGNALEMENT_ID = "signalementId";
  public static final String SIGNALEMENT_SUMMARY = "signalementSummary";
  public static final String SIGNALLED_BY = "signalledByPerimeter";
  public static final String DECISION = "signalementDecision";

  private final RuntimeService runtime;
  private final CaseAccessService access;
  private final EngineBatch engineBatch;

  SignalementReviews(RuntimeService runtime, CaseAccessService access, EngineBatch engineBatch) {
    this.runtime = runtime;
    this.access = access;
    this.engineBatch = engineBatch;
  }

  public void open(SupportCaseEntity c, long signalementId, String signalledBy, String summary) {
    Map<String, Object> v = new HashMap<>();
    v.put(PathwayVariables.PERIMETER_CODE, c.getPerimeterCode());
    v.put(Departement.VARIABLE, c.getDepartement()); // the instance's tenant
    v.put(SIGNALEMENT_ID, signalementId);
    v.put(SIGNALLED_BY, signalledBy == null ? "supervision départementale" : signalledBy);
    v.put(SIGNALEMENT_SUMMARY, summary); // its values escaped by the caller (MarkdownText)
    engineBatch.run(
        () ->
            WithoutAuthorization.run(
                () -> {
                  ProcessInstance instance =
                      runtime
                          .createProcessInstanceByKey(PROCESS_KEY)
                          .businessKey(c.getCaseNumber())
                          .setVariables(v)
                          .execute();
                  access.grantNewCase(
                      instance.getId(), TerritoryCodes.coordinatorGroup(c.getPerimeterCode()));
                }));
  }
}
