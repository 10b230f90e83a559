package fr.raccroche;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.territory.TerritoryService;
import fr.raccroche.testsupport.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app restarts on the same database (H2 file under ./data in the default run, or PostgreSQL)
 * without redeploying, duplicating or losing anything.
 */
class RestartIntegrationTest {

  record Snapshot(
      long deployments,
      long processDefinitions,
      long filters,
      long users,
      long groups,
      long authorizations,
      List<String> perimeters) {}

  static ConfigurableApplicationContext start(TestDatabases.Settings db) {
    List<String> profiles = new ArrayList<>(List.of("demo"));
    if (TestDatabases.postgres()) {
      profiles.add("postgres");
    }
    return new SpringApplicationBuilder(RaccrocheApplication.class)
        .profiles(profiles.toArray(String[]::new))
        // Command-line arguments: they take precedence over application*.yaml.
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + db.url(),
            "--spring.datasource.username=" + db.user(),
            "--spring.datasource.password=" + db.password(),
            "--camunda.bpm.job-execution.enabled=false",
            // Not "default": closing this app must not unregister the engine of the other
            // integration tests, which share the JVM and Camunda's static engine registry.
            "--camunda.bpm.process-engine-name=restart",
            "--camunda.bpm.webapp.enabled=false",
            "--raccroche.demo.allow-on-postgres=true");
  }

  static Snapshot snapshot(ConfigurableApplicationContext context) {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    return new Snapshot(
        engine.getRepositoryService().createDeploymentQuery().count(),
        engine.getRepositoryService().createProcessDefinitionQuery().count(),
        engine.getFilterService().createFilterQuery().count(),
        engine.getIdentityService().createUserQuery().count(),
        engine.getIdentityService().createGroupQuery().count(),
        engine.getAuthorizationService().createAuthorizationQuery().count(),
        context.getBean(TerritoryService.class).perimeters().stream().map(p -> p.code()).toList());
  }

  @Test
  void restartingOnTheSameDatabaseKeepsEverythingAndDeploysNothingNew() {
    TestDatabases.Settings db = TestDatabases.fresh("restart");
    Snapshot first;
    try (ConfigurableApplicationContext context = start(db)) {
      // the demo's users: 11 of the Rhône, the region's, 5 of the Loire
      assertThat(snapshot(context).users()).isEqualTo(17);
      var identity = context.getBean(ProcessEngine.class).getIdentityService();
      identity.saveUser(identity.newUser("ajout.entre.deux"));
      first = snapshot(context);
    }
    // Mes tâches, Tâches de mon périmètre, Tâches de ma structure, En retard.
    assertThat(first.filters()).isEqualTo(4);
    assertThat(first.processDefinitions()).as("YouthPathwayProcess deployed").isPositive();
    // the demo's perimeters: the Rhône's three and the Loire's two
    assertThat(first.perimeters())
        .containsExactly("EST", "LYON", "NORD", "ROANNE", "SAINT-ETIENNE");

    try (ConfigurableApplicationContext context = start(db)) {
      Snapshot second = snapshot(context);
      assertThat(second.deployments()).isEqualTo(first.deployments());
      assertThat(second.processDefinitions()).isEqualTo(first.processDefinitions());
      assertThat(second.filters()).isEqualTo(first.filters());
      assertThat(second.groups()).isEqualTo(first.groups());
      assertThat(second.authorizations()).isEqualTo(first.authorizations());
      assertThat(second.perimeters()).isEqualTo(first.perimeters());
      // Including the user created by hand during the first run.
      assertThat(second.users()).isEqualTo(18);
    }
  }
}
