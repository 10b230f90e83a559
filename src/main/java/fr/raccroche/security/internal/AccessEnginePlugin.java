package fr.raccroche.security.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs {@link TaskReadAuthorizationProvider} and {@link DepartementTenantIdProvider} in the
 * engine (picked up by the starter).
 */
@Component
class AccessEnginePlugin extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskReadAuthorizationProvider());
    configuration.setTenantIdProvider(new DepartementTenantIdProvider());
  }
}
