package fr.raccroche.coordination.process;

import static fr.raccroche.coordination.process.DiagnosisProcesses.*;

import fr.raccroche.coordination.DiagnosisService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_RecordReview, after Task_ValidateDiagnosis: validated, or back to the coordinators
 * with the supervisors' comment.
 */
@Component("recordDiagnosisReviewDelegate")
public class RecordDiagnosisReviewDelegate implements JavaDelegate {
  private final DiagnosisService diagnoses;

  public RecordDiagnosisReviewDelegate(DiagnosisService diagnoses) {
    this.diagnoses = diagnoses;
  }

  @Override
  public void execute(DelegateExecution execution) {
    diagnoses.reviewed(
        InstanceKeys.diagnosisPerimeter(execution),
        InstanceKeys.diagnosisSchoolYear(execution),
        Boolean.TRUE.equals(execution.getVariable(CoordinationTaskValidation.DIAGNOSIS_VALIDATED)),
        (String) execution.getVariable(CoordinationTaskValidation.REVIEW_COMMENT),
        RecordDiagnosisDelegate.who(execution));
  }
}
