package fr.raccroche.shared;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The installation's one time zone, {@code raccroche.time-zone} ({@code Europe/Paris} by default;
 * an overseas département sets its own, e.g. {@code America/Cayenne}, {@code Indian/Reunion}): what
 * "today" is, how dates entered in forms and shown on pages are read, when timers fire, where a
 * quarter begins.
 *
 * <p>Two things carry it, so that nothing follows the server's clock zone (UTC in containers):
 *
 * <ul>
 *   <li>the JVM's default zone is set to it before the application starts ({@link JvmDefault}):
 *       Camunda's timers (cron and dates), its date variables and every {@code
 *       ZoneId.systemDefault()} follow it;
 *   <li>the {@link Clock} bean in that zone, which the services ask for ({@code Optional<Clock>}).
 * </ul>
 *
 * <p>Set it once, when the installation starts: the engine stores its dates as local times of that
 * zone, so changing it later shifts the due dates already stored (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
public class AppTimeZone {
  public static final String PROPERTY = "raccroche.time-zone";
  public static final String DEFAULT = "Europe/Paris";

  private static final Logger log = LoggerFactory.getLogger(AppTimeZone.class);

  /** The clock of the installation's zone: {@code LocalDate.now(clock)} is today there. */
  @Bean
  public Clock clock(Environment environment) {
    return Clock.system(zone(environment.getProperty(PROPERTY, DEFAULT)));
  }

  /**
   * The zone a setting names.
   *
   * @throws IllegalStateException with an English message for the operator when it names none
   */
  public static ZoneId zone(String setting) {
    String value = setting == null || setting.isBlank() ? DEFAULT : setting.strip();
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new IllegalStateException(
          PROPERTY
              + " = '"
              + value
              + "' is not a time zone id (IANA names such as Europe/Paris, America/Cayenne,"
              + " Indian/Reunion)",
          e);
    }
  }

  /**
   * Makes the configured zone the JVM's default before anything reads it (registered in {@code
   * META-INF/spring.factories}).
   */
  public static class JvmDefault implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(
        ConfigurableEnvironment environment, SpringApplication application) {
      ZoneId zone = zone(environment.getProperty(PROPERTY, DEFAULT));
      if (!TimeZone.getDefault().toZoneId().equals(zone)) {
        log.info("Time zone {} (was {})", zone, TimeZone.getDefault().getID());
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
      }
    }
  }
}
