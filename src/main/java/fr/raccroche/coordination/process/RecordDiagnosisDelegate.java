package fr.raccroche.coordination.process;

import static fr.raccroche.coordination.process.DiagnosisProcesses.*;

import fr.raccroche.coordination.DiagnosisService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_RecordDiagnosis, after Task_WriteDiagnosis: the text is saved and the figures frozen;
 * the supervisors validate next.
 */
@Component("recordDiagnosisDelegate")
public class RecordDiagnosisDelegate implements JavaDelegate {
  private final DiagnosisService diagnoses;

  public RecordDiagnosisDelegate(DiagnosisService diagnoses) {
    this.diagnoses = diagnoses;
  }

  @Override
  public void execute(DelegateExecution execution) {
    diagnoses.written(
        InstanceKeys.diagnosisPerimeter(execution),
        InstanceKeys.diagnosisSchoolYear(execution),
        (String) execution.getVariable(CoordinationTaskValidation.STRENGTHS),
        (String) execution.getVariable(CoordinationTaskValidation.WEAKNESSES),
        who(execution));
    execution.removeVariable(CoordinationTaskValidation.REVIEW_COMMENT);
    execution.removeVariable(CoordinationTaskValidation.DIAGNOSIS_VALIDATED);
  }

  static String who(DelegateExecution execution) {
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? "inconnu" : auth.getUserId();
  }
}
