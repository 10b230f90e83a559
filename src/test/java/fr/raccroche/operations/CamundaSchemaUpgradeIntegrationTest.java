package fr.raccroche.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.raccroche.testsupport.TestDatabases;
import fr.raccroche.testsupport.TestDatabases.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What docs/operations.md says about upgrading Camunda's schema, on PostgreSQL: the engine's {@code
 * schema-update: true} creates missing tables but upgrades nothing, and the engine's own SQL
 * upgrade scripts turn the previous release's schema (7.23, created from its jar's create scripts)
 * into exactly the schema 7.24 creates, on which the 7.24 engine runs a process.
 */
class CamundaSchemaUpgradeIntegrationTest {
  /** The order in which the engine creates its schema (engine, history, identity, CMMN, DMN). */
  static final List<String> CREATE_SCRIPTS =
      List.of(
          "engine",
          "history",
          "identity",
          "case.engine",
          "case.history",
          "decision.engine",
          "decision.history");

  static final String UPGRADE = "org/camunda/bpm/engine/db/upgrade/";

  static Path previousRelease;

  @BeforeAll
  static void previousReleaseScripts() throws IOException {
    assumeTrue(TestDatabases.postgres(), "the upgrade scripts are PostgreSQL's");
    // Unpacked by the maven-dependency-plugin from camunda-engine of the previous release.
    try (Stream<Path> dirs = Files.list(Path.of("target"))) {
      previousRelease =
          dirs.filter(d -> d.getFileName().toString().startsWith("camunda-engine-"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("run mvn generate-test-resources"));
    }
  }

  static String version(Path release) {
    return release.getFileName().toString().substring("camunda-engine-".length());
  }

  @Test
  void schemaUpdateDoesNotUpgradeButTheEngineScriptsDo() throws Exception {
    String from = version(previousRelease);
    String to = ProcessEngine.class.getPackage().getImplementationVersion();
    assertThat(to).as("camunda-engine version").startsWith("7.24");
    assertThat(from).startsWith("7.23");

    Settings old = TestDatabases.fresh("camunda_upgrade_old");
    for (String part : CREATE_SCRIPTS) {
      run(
          old,
          Files.readString(
              previousRelease.resolve(
                  "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql")));
    }
    assertThat(schemaVersion(old)).isEqualTo(from);

    // schema-update: true on the old schema: the engine starts, creates nothing, upgrades nothing.
    startAndRunAProcess(old, "true");
    assertThat(schemaVersion(old)).isEqualTo(from);

    // The upgrade: every script of the engine jar from the old minor to the new one, in order.
    List<String> scripts = upgradeScripts(minor(from), minor(to));
    assertThat(scripts).containsExactly("postgres_engine_7.23_to_7.24.sql");
    for (String script : scripts) {
      run(old, resource(UPGRADE + script));
    }
    assertThat(schemaVersion(old)).isEqualTo(to.replace("-SNAPSHOT", ""));

    // The same schema as the new release creates from nothing.
    Settings fresh = TestDatabases.fresh("camunda_upgrade_new");
    for (String part : CREATE_SCRIPTS) {
      run(
          fresh,
          resource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
    }
    assertThat(structure(old)).isEqualTo(structure(fresh)).hasSizeGreaterThan(400);

    // And the new engine, with no schema change allowed, works on the upgraded one.
    startAndRunAProcess(old, "false");
  }

  static String minor(String version) {
    String[] parts = version.split("\\.");
    return parts[0] + "." + parts[1];
  }

  /**
   * The upgrade scripts between two minor versions, in order, as the engine jar names them ({@code
   * postgres_engine_7.23_to_7.24.sql}).
   */
  static List<String> upgradeScripts(String fromMinor, String toMinor) {
    List<String> scripts = new ArrayList<>();
    int major = Integer.parseInt(fromMinor.split("\\.")[0]);
    int minor = Integer.parseInt(fromMinor.split("\\.")[1]);
    int last = Integer.parseInt(toMinor.split("\\.")[1]);
    for (int m = minor; m < last; m++) {
      String script =
          "postgres_engine_" + major + "." + m + "_to_" + major + "." + (m + 1) + ".sql";
      assertThat(CamundaSchemaUpgradeIntegrationTest.class.getResource("/" + UPGRADE + script))
          .as(script)
          .isNotNull();
      scripts.add(script);
    }
    return scripts;
  }

  static String resource(String name) throws IOException {
    try (InputStream in =
        CamundaSchemaUpgradeIntegrationTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Runs a script of the engine: statements end with a semicolon, comments start with --. */
  static void run(Settings db, String script) throws SQLException {
    StringBuilder statement = new StringBuilder();
    try (Connection c = connect(db);
        Statement s = c.createStatement()) {
      for (String line : script.split("\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("--") || trimmed.isEmpty()) {
          continue;
        }
        statement.append(line).append('\n');
        if (trimmed.endsWith(";")) {
          String sql = statement.toString().strip();
          s.execute(sql.substring(0, sql.length() - 1));
          statement.setLength(0);
        }
      }
    }
  }

  static String schemaVersion(Settings db) throws SQLException {
    try (Connection c = connect(db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version_ FROM act_ge_schema_log ORDER BY CAST(id_ AS INTEGER) DESC"
                    + " LIMIT 1")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /** Columns (type, nullability, default), indexes and constraints of Camunda's tables. */
  static List<String> structure(Settings db) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = connect(db);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              """
              SELECT table_name, column_name, data_type, character_maximum_length, is_nullable,
                     column_default
              FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name LIKE 'act_%'
              ORDER BY table_name, column_name""")) {
        while (rs.next()) {
          lines.add(
              "column "
                  + rs.getString(1)
                  + "."
                  + rs.getString(2)
                  + " "
                  + rs.getString(3)
                  + "("
                  + rs.getString(4)
                  + ") null="
                  + rs.getString(5)
                  + " default="
                  + rs.getString(6));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
                  + " AND tablename LIKE 'act_%' ORDER BY indexdef")) {
        while (rs.next()) {
          lines.add("index " + rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              """
              SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
              FROM pg_constraint
              WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text LIKE 'act_%'
              ORDER BY 1, 2""")) {
        while (rs.next()) {
          lines.add(
              "constraint " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
        }
      }
    }
    return lines;
  }

  /** A 7.24 engine on the database: deploys a one-task process, starts it, completes the task. */
  static void startAndRunAProcess(Settings db, String schemaUpdate) {
    StandaloneProcessEngineConfiguration configuration =
        (StandaloneProcessEngineConfiguration)
            ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    configuration
        .setProcessEngineName("upgradeCheck" + schemaUpdate)
        .setJdbcUrl(db.url())
        .setJdbcUsername(db.user())
        .setJdbcPassword(db.password())
        .setJdbcDriver("org.postgresql.Driver")
        .setDatabaseSchemaUpdate(schemaUpdate)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(false);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              "UpgradeCheck.bpmn",
              Bpmn.createExecutableProcess("UpgradeCheck")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_Check")
                  .endEvent()
                  .done())
          .deploy();
      String instance =
          engine.getRuntimeService().startProcessInstanceByKey("UpgradeCheck").getId();
      String task =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(instance)
              .singleResult()
              .getId();
      engine.getTaskService().complete(task);
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(instance)
                  .finished()
                  .count())
          .isEqualTo(1);
    } finally {
      engine.close();
    }
  }

  static Connection connect(Settings db) throws SQLException {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }
}
