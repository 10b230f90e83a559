package fr.raccroche.coordination.process;

import fr.raccroche.security.CaseAccessService;
import fr.raccroche.shared.Departement;
import fr.raccroche.territory.TerritoryCodes;
import fr.raccroche.territory.TerritoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts a perimeter's {@code TerritorialDiagnosisProcess} instance (message start {@code
 * Msg_DiagnosisOpened}, business key {@code diagnostic-<perimeter>-<school year>}) and lets the
 * perimeter's coordinators see it.
 */
@Component
public class DiagnosisProcesses {
  public static final String PROCESS_KEY = "TerritorialDiagnosisProcess";
  public static final String MSG_DIAGNOSIS_OPENED = "Msg_DiagnosisOpened";
  public static final String PERIMETER_CODE = "perimeterCode";
  public static final String SCHOOL_YEAR = "schoolYear";
  public static final String PERIMETER_NAME = "perimeterName";
  public static final String FIGURES_TEXT = "diagnosisFiguresText";

  private final RuntimeService runtime;
  private final CaseAccessService access;

  private final TerritoryService territory;

  public DiagnosisProcesses(
      RuntimeService runtime, CaseAccessService access, TerritoryService territory) {
    this.territory = territory;
    this.runtime = runtime;
    this.access = access;
  }

  public static String businessKey(String perimeterCode, String schoolYear) {
    return "diagnostic-" + perimeterCode + "-" + schoolYear;
  }

  public String start(String perimeterCode, String schoolYear) {
    ProcessInstance instance =
        runtime
            .createMessageCorrelation(MSG_DIAGNOSIS_OPENED)
            .processInstanceBusinessKey(businessKey(perimeterCode, schoolYear))
            .setVariable(PERIMETER_CODE, perimeterCode)
            .setVariable(SCHOOL_YEAR, schoolYear)
            .setVariable(
                Departement.VARIABLE, territory.perimeter(perimeterCode).departement()) // tenant
            .correlateStartMessage();
    access.grantCase(instance.getId(), TerritoryCodes.coordinatorGroup(perimeterCode));
    return instance.getId();
  }
}
