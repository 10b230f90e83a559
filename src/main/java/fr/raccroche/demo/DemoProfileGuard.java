package fr.raccroche.demo;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code demo} profile together with {@code postgres}: demo users have a known
 * password and demo data must never mix with real young people's records. Runs before any bean, so
 * nothing touches the database. {@code RACCROCHE_ALLOW_DEMO=true} overrides it (a throw-away
 * PostgreSQL for a demonstration).
 */
public class DemoProfileGuard implements EnvironmentPostProcessor, Ordered {
  static final String ALLOW_PROPERTY = "raccroche.demo.allow-on-postgres";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    var profiles = Arrays.asList(environment.getActiveProfiles());
    if (profiles.contains("demo")
        && profiles.contains("postgres")
        && !environment.getProperty(ALLOW_PROPERTY, Boolean.class, false)) {
      throw new IllegalStateException(
          "The 'demo' profile creates demo users with a known password and fictitious data: it"
              + " refuses to run with the 'postgres' profile. Set RACCROCHE_ALLOW_DEMO=true to"
              + " run it on a throw-away PostgreSQL database.");
    }
  }

  @Override
  public int getOrder() {
    // After the config data (application*.yaml) has been loaded.
    return Ordered.LOWEST_PRECEDENCE;
  }
}
