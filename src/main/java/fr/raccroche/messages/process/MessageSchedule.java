package fr.raccroche.messages.process;

import fr.raccroche.messages.MessagesProperties;
import org.springframework.stereotype.Component;

/**
 * When {@code OverdueTasksDigestProcess} starts ({@code ${messageSchedule.digestCron}}: {@code
 * raccroche.messages.digest.cron}, a Camunda cron with seconds) and whether it sends anything
 * ({@code raccroche.messages.digest.enabled}, off by default).
 */
@Component("messageSchedule")
public class MessageSchedule {
  private final MessagesProperties properties;

  MessageSchedule(MessagesProperties properties) {
    if (properties.digest().cron().split("\\s+").length < 6) {
      throw new IllegalStateException(
          "raccroche.messages.digest.cron must be a cron expression with 6 or 7 fields, got '"
              + properties.digest().cron()
              + "'");
    }
    this.properties = properties;
  }

  public String getDigestCron() {
    return properties.digest().cron();
  }

  public boolean isDigestEnabled() {
    return properties.digest().enabled();
  }
}
