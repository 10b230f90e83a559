package fr.raccroche.pathway.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs several engine calls (starting fifty pathways, say) as one engine command. The engine writes
 * at the end of each command: one command for fifty starts writes their rows together, statement by
 * statement in JDBC batches, instead of some twenty round trips per start. The calls made inside
 * reuse the command (the engine's rule for nested calls) and join the caller's transaction; a
 * failure of any rolls back all of them.
 */
@Component
public class EngineBatch {
  private final CommandExecutor executor;

  EngineBatch(ProcessEngine engine) {
    this.executor =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
  }

  public void run(Runnable calls) {
    executor.execute(
        commandContext -> {
          calls.run();
          return null;
        });
  }
}
