package fr.raccroche.security.internal;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Indexes and statistics on Camunda's own tables that Tasklist needs at scale (docs/benchmarks.md,
 * B5), applied by Flyway once the engine has created or upgraded its schema: a second Flyway
 * history ({@code flyway_camunda_history}) over {@code db/camunda/postgresql}, migrated when the
 * engine is built — after the application's own migrations and the engine's schema, before the job
 * executor and the web apps start. PostgreSQL only. Why not in the application's migrations:
 * docs/adr/0004.
 */
@Component("camundaIndexMigrations")
public class CamundaIndexMigrations extends AbstractProcessEnginePlugin {
  static final String LOCATION = "classpath:db/camunda/postgresql";
  static final String HISTORY_TABLE = "flyway_camunda_history";

  private volatile DataSource dataSource;

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if ("postgres".equals(configuration.getDatabaseType())) {
      dataSource = configuration.getDataSource();
      migrate();
    }
  }

  /** Applies the pending migrations of Camunda's tables (nothing on another database). */
  public void migrate() {
    if (dataSource == null) {
      return;
    }
    Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        // Camunda's tables are there already: start this history at version 0.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
