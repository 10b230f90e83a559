package fr.raccroche.operations.internal;

import fr.raccroche.shared.ClusterLock;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Builds the engine under a cluster-wide lock. The engine creates or upgrades its tables ({@code
 * schema-update: true}) without any lock of its own: two nodes starting together on an empty
 * database would both create them, and one would fail. Deployments need nothing more: the engine
 * takes its own deployment lock on PostgreSQL, so unchanged resources are not deployed twice.
 */
@Component
class EngineSchemaLockPlugin extends AbstractProcessEnginePlugin {
  private final ClusterLock lock;
  private ClusterLock.Held held;

  EngineSchemaLockPlugin(ClusterLock lock) {
    this.lock = lock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    held = lock.hold(ClusterLock.ENGINE_SCHEMA);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    release();
  }

  private void release() {
    if (held == null) {
      return;
    }
    try {
      held.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not release the engine schema lock", e);
    } finally {
      held = null;
    }
  }
}
