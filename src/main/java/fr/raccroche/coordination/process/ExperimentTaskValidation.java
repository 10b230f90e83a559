package fr.raccroche.coordination.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Input checks of the experiment tasks (none yet: other tasks are not validated here). */
final class ExperimentTaskValidation {
  private ExperimentTaskValidation() {}

  static void validate(DelegateExecution task) {
    // tasks of other processes are not validated here
  }
}
