package fr.raccroche.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the data source at the test database of the active kind. */
public class TestDatabaseInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestDatabases.Settings db = TestDatabases.main();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "raccroche-test-database",
                Map.of(
                    "spring.datasource.url", db.url(),
                    "spring.datasource.username", db.user(),
                    "spring.datasource.password", db.password())));
  }
}
