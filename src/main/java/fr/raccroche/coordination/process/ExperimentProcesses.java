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
 * Starts a project's {@code ExperimentProjectProcess} (business key {@code projet-<id>}) and lets
 * the carrier partner's caseworkers and the perimeter's coordinators see it.
 */
@Component
public class ExperimentProcesses {
  public static final String PROCESS_KEY = "ExperimentProjectProcess";
  public static final String PROJECT_ID = "projectId";
  public static final String CARRIER_PARTNER_CODE = "carrierPartnerCode";
  public static final String PERIMETER_CODE = "perimeterCode";
  public static final String PROJECT_TITLE = "projectTitle";
  public static final String CALL_TITLE = "callTitle";
  public static final String PROJECT_SELECTED = "projectSelected";
  public static final String AMOUNT_GRANTED = "amountGranted";
  public static final String SELECTION_COMMENT = "selectionComment";
  public static final String INTERIM_REPORT = "interimReport";
  public static final String FINAL_REPORT = "finalReport";
  public static final String EVALUATION = "evaluation";

  private final RuntimeService runtime;
  private final CaseAccessService access;

  private final TerritoryService territory;

  public ExperimentProcesses(
      RuntimeService runtime, CaseAccessService access, TerritoryService territory) {
    this.territory = territory;
    this.runtime = runtime;
    this.access = access;
  }

  public String start(
      long projectId, String partnerCode, String perimeterCode, String title, String callTitle) {
    Map<String, Object> v = new HashMap<>();
    v.put(PROJECT_ID, projectId);
    v.put(CARRIER_PARTNER_CODE, partnerCode);
    v.put(PERIMETER_CODE, perimeterCode);
    v.put(Departement.VARIABLE, territory.perimeter(perimeterCode).departement()); // the tenant
    v.put(PROJECT_TITLE, title);
    v.put(CALL_TITLE, callTitle);
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(PROCESS_KEY, "projet-" + projectId, v);
    access.grantCase(instance.getId(), TerritoryCodes.partnerGroup(partnerCode));
    access.grantCase(instance.getId(), TerritoryCodes.coordinatorGroup(perimeterCode));
    return instance.getId();
  }
}
