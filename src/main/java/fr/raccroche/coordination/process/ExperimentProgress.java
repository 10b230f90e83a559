package fr.raccroche.coordination.process;

import static fr.raccroche.coordination.process.ExperimentProcesses.*;

import fr.raccroche.coordination.ExperimentService;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Service-task bean of {@code ExperimentProjectProcess} ({@code ${experimentProgress.…}}): records
 * the selection decision, the start, the reports and the evaluation on the project. Thin: the rules
 * live in {@link ExperimentService}.
 */
@Component("experimentProgress")
public class ExperimentProgress {
  private final ExperimentService experiments;

  public ExperimentProgress(ExperimentService experiments) {
    this.experiments = experiments;
  }

  /** ServiceTask_RecordSelection. */
  public void decided(DelegateExecution execution) {
    Object amount = execution.getVariable(AMOUNT_GRANTED);
    experiments.decided(
        id(execution),
        Boolean.TRUE.equals(execution.getVariable(PROJECT_SELECTED)),
        amount == null ? null : new BigDecimal(amount.toString()),
        (String) execution.getVariable(SELECTION_COMMENT));
  }

  /** ServiceTask_StartProject. */
  public void started(DelegateExecution execution) {
    experiments.started(id(execution));
  }

  /** ServiceTask_RecordInterimReport. */
  public void interimReported(DelegateExecution execution) {
    experiments.interimReport(id(execution), (String) execution.getVariable(INTERIM_REPORT));
  }

  /** ServiceTask_RecordFinalReport. */
  public void finalReported(DelegateExecution execution) {
    experiments.finalReport(id(execution), (String) execution.getVariable(FINAL_REPORT));
  }

  /** ServiceTask_RecordEvaluation. */
  public void evaluated(DelegateExecution execution) {
    experiments.evaluated(id(execution), (String) execution.getVariable(EVALUATION));
  }

  private static long id(DelegateExecution execution) {
    return InstanceKeys.projectId(execution);
  }
}
