package fr.raccroche.privacy.internal;

import fr.raccroche.privacy.PrivacyProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At full history ({@code camunda.bpm.history-level: full}), installs {@link
 * PersonalDataHistoryLevel} for the variables of {@code
 * raccroche.privacy.variables-without-history}; any other level is left as configured.
 */
@Component
class PersonalDataHistoryPlugin extends AbstractProcessEnginePlugin {
  private final String configuredLevel;
  private final PrivacyProperties properties;

  PersonalDataHistoryPlugin(
      @Value("${camunda.bpm.history-level:full}") String configuredLevel,
      PrivacyProperties properties) {
    this.configuredLevel = configuredLevel;
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!"full".equalsIgnoreCase(configuredLevel)
        || properties.variablesWithoutHistory().isEmpty()) {
      return;
    }
    HistoryLevel level =
        new PersonalDataHistoryLevel(new HashSet<>(properties.variablesWithoutHistory()));
    List<HistoryLevel> custom =
        configuration.getCustomHistoryLevels() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomHistoryLevels());
    custom.add(level);
    configuration.setCustomHistoryLevels(custom);
    // Wins over the starter's history name, whatever the order of the plugins.
    configuration.setHistoryLevel(level);
  }
}
