package fr.raccroche.messages;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code raccroche.messages.*} (docs/specification.md §9, README "Messages").
 *
 * @param from sender address of the e-mails (the SMTP server itself: {@code spring.mail.*})
 * @param publicUrl the address people reach the application at, for the unsubscribe links of
 *     e-mails (default {@code http://localhost:8080})
 * @param quietHours {@code HH:mm-HH:mm}: no message in this window (default {@code 21:00-08:00});
 *     empty: none
 * @param quietDays days without messages, comma-separated (default {@code SUNDAY}); empty: none
 * @param timeZone the zone of the quiet hours and of "today" for the daily limit (default {@code
 *     raccroche.time-zone}, else {@code Europe/Paris})
 * @param dailyLimitPerCase messages to a case's young person or guardian per day (default 3)
 * @param attempts sending attempts of the worker before the message becomes an incident (default 3)
 * @param retryBackoff wait after the first failed attempt, doubled after each one (default 1 min)
 * @param appointmentReminderBefore how long before an appointment its reminder goes (default 1 day)
 * @param optOutSecret key of the hash under which "STOP" addresses are kept; set it in production
 * @param worker the external-task worker of topic {@code send-message}
 * @param sms the SMS provider
 * @param digest the coordinators' daily digest of overdue tasks
 */
@ConfigurationProperties("raccroche.messages")
public record MessagesProperties(
    String from,
    String publicUrl,
    String quietHours,
    String quietDays,
    ZoneId timeZone,
    Integer dailyLimitPerCase,
    Integer attempts,
    Duration retryBackoff,
    Duration appointmentReminderBefore,
    String optOutSecret,
    Worker worker,
    Sms sms,
    Digest digest) {

  public MessagesProperties {
    from = blank(from) ? "ne-pas-repondre@raccroche.localhost" : from.strip();
    publicUrl = blank(publicUrl) ? "http://localhost:8080" : publicUrl.strip();
    quietHours = quietHours == null ? "21:00-08:00" : quietHours.strip();
    quietDays = quietDays == null ? "SUNDAY" : quietDays.strip();
    timeZone = timeZone == null ? ZoneId.of("Europe/Paris") : timeZone;
    dailyLimitPerCase = dailyLimitPerCase == null ? 3 : dailyLimitPerCase;
    attempts = attempts == null || attempts < 1 ? 3 : attempts;
    retryBackoff = retryBackoff == null ? Duration.ofMinutes(1) : retryBackoff;
    appointmentReminderBefore =
        appointmentReminderBefore == null ? Duration.ofDays(1) : appointmentReminderBefore;
    optOutSecret = optOutSecret == null ? "" : optOutSecret;
    worker = worker == null ? new Worker(null, null, null) : worker;
    sms = sms == null ? new Sms(null, null, null, null, null, null) : sms;
    digest = digest == null ? new Digest(null, null) : digest;
  }

  /**
   * @param enabled whether the application polls the topic (tests drive it themselves)
   * @param pollInterval wait between two empty fetches
   * @param lockDuration how long a fetched message is locked to this worker
   */
  public record Worker(Boolean enabled, Duration pollInterval, Duration lockDuration) {
    public Worker {
      enabled = enabled == null || enabled;
      pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
      lockDuration = lockDuration == null ? Duration.ofMinutes(2) : lockDuration;
    }
  }

  /**
   * @param provider {@code log} (records only: the admin page "Messages envoyés") or {@code brevo}
   * @param baseUrl the provider's API (Brevo: {@code https://api.brevo.com/v3})
   * @param token the provider's API key
   * @param sender the sender name shown on the phone (11 letters or digits at most)
   * @param webhookToken the secret the provider's reply webhook must carry ({@code ?token=})
   * @param timeout connection and answer timeout of the provider's API
   */
  public record Sms(
      String provider,
      String baseUrl,
      String token,
      String sender,
      String webhookToken,
      Duration timeout) {
    public Sms {
      provider = blank(provider) ? "log" : provider.strip();
      baseUrl = blank(baseUrl) ? "https://api.brevo.com/v3" : baseUrl.strip();
      token = token == null ? "" : token;
      sender = blank(sender) ? "Raccroche" : sender.strip();
      webhookToken = webhookToken == null ? "" : webhookToken;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
  }

  /**
   * @param enabled whether coordinators get the digest (off by default)
   * @param cron when (Camunda cron with seconds; default working days 08:30)
   */
  public record Digest(Boolean enabled, String cron) {
    public Digest {
      enabled = enabled != null && enabled;
      cron = blank(cron) ? "0 30 8 ? * MON-FRI" : cron.strip();
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
