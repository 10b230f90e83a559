package fr.raccroche.privacy.process;

import fr.raccroche.privacy.RetentionReport;
import fr.raccroche.privacy.RetentionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_ApplyRetention of PersonalDataRetentionProcess: one run of the retention job; the
 * counts (no personal data) stay on the instance for Cockpit.
 */
@Component("applyRetentionDelegate")
class ApplyRetentionDelegate implements JavaDelegate {
  private final RetentionService retention;

  ApplyRetentionDelegate(RetentionService retention) {
    this.retention = retention;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RetentionReport report = retention.applyRetention();
    execution.setVariable("personsAnonymised", report.personsAnonymised());
    execution.setVariable("casesAnonymised", report.casesAnonymised());
    execution.setVariable("rejectedLinesErased", report.rejectedLinesErased());
  }
}
