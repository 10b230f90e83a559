package fr.raccroche.pathway.process;

import fr.raccroche.pathway.PathwayStarts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_StartPathway of PathwayStartRecoveryProcess (an asynchronous job): starts the pathway
 * of the case named by the business key, if it still waits. A failure fails the job (retried by the
 * engine, then an incident for the supervisors).
 */
@Component("startPathwayDelegate")
class StartPathwayDelegate implements JavaDelegate {
  private final PathwayStarts starts;

  StartPathwayDelegate(PathwayStarts starts) {
    this.starts = starts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    starts.startFromRecovery(execution.getProcessBusinessKey());
  }
}
