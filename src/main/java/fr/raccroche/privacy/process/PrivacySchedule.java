package fr.raccroche.privacy.process;

import fr.raccroche.privacy.PrivacyProperties;
import org.springframework.stereotype.Component;

/**
 * {@code ${privacySchedule.retentionCron}}: the cycle of PersonalDataRetentionProcess's timer start
 * event, from {@code raccroche.privacy.retention-cron}. Read when the process is deployed.
 */
@Component("privacySchedule")
public class PrivacySchedule {
  private final PrivacyProperties properties;

  PrivacySchedule(PrivacyProperties properties) {
    this.properties = properties;
  }

  public String getRetentionCron() {
    return properties.retentionCron();
  }
}
