package fr.raccroche.testsupport;

import org.springframework.test.context.ActiveProfilesResolver;

/** {@code test,demo} on H2; {@code test,postgres,demo} on PostgreSQL. */
public class TestDatabaseProfiles implements ActiveProfilesResolver {
  @Override
  public String[] resolve(Class<?> testClass) {
    return TestDatabases.postgres()
        ? new String[] {"test", "postgres", "demo"}
        : new String[] {"test", "demo"};
  }
}
