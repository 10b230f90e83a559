package fr.raccroche.pathway.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A pathway that could not start, as Cockpit shows the incident: the French reason only, for the
 * supervisor who retries once the cause is fixed (see {@code StartFailureReasons}).
 */
public class PathwayStartException extends ProcessEngineException {
  public PathwayStartException(String frenchReason) {
    super(frenchReason);
  }
}
