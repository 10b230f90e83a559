package fr.raccroche.indicators.process;

import static fr.raccroche.indicators.process.QuarterlyIndicatorsVariables.*;

import fr.raccroche.indicators.IndicatorService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_PublishQuarterlySnapshot}: publishes the reviewed draft with the supervisors'
 * comment. From then on the snapshot never changes.
 */
@Component("publishQuarterlySnapshotDelegate")
public class PublishQuarterlySnapshotDelegate implements JavaDelegate {
  private final IndicatorService indicators;

  PublishQuarterlySnapshotDelegate(IndicatorService indicators) {
    this.indicators = indicators;
  }

  @Override
  public void execute(DelegateExecution execution) {
    indicators.publish(
        ((Number) execution.getVariable(SNAPSHOT_ID)).longValue(),
        (String) execution.getVariable(REVIEW_COMMENT),
        ComputeQuarterlySnapshotDelegate.reviewer(execution));
  }
}
