package fr.raccroche.coordination.process;

import fr.raccroche.coordination.DiagnosisService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_OpenDiagnoses, after the yearly timer StartEvent_YearlyCampaign: opens the diagnosis
 * of every perimeter for the current school year (those already open are left alone).
 */
@Component("openDiagnosesDelegate")
public class OpenDiagnosesDelegate implements JavaDelegate {
  private final DiagnosisService diagnoses;

  public OpenDiagnosesDelegate(DiagnosisService diagnoses) {
    this.diagnoses = diagnoses;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String year = diagnoses.currentSchoolYear();
    execution.setVariable(DiagnosisProcesses.SCHOOL_YEAR, year);
    execution.setVariable("openedPerimeters", String.join(",", diagnoses.openCampaign(year)));
  }
}
