package fr.raccroche.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.raccroche.testsupport.TestDatabases;
import java.util.Arrays;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migrations of issue 24's access log and header aliases on a database that already holds them
 * (a deployment of one département), on H2 and on PostgreSQL — where the access log is append-only
 * (its trigger is set aside for the backfill only, and is back afterwards).
 */
class AccessLogDepartementMigrationIntegrationTest {
  @Test
  void entriesAndHeaderAliasesWrittenBeforeTakeTheirDepartement() {
    TestDatabases.Settings db = TestDatabases.fresh("migration");
    DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.user(), db.password());
    String vendor = TestDatabases.postgres() ? "postgresql" : "h2";
    migrate(ds, vendor, "2026.12.05.30");
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    String batch =
        "INSERT INTO import_batch (id, source, kind, file_name, file_sha256, file_bytes, status,"
            + " rows_read, rows_created, rows_merged, rows_updated, rows_unchanged, rows_rejected,"
            + " rows_excluded, bytes_done, pathways_to_start, pathways_started, created_by,"
            + " started_at, departement) VALUES (?, 'EN', 'LEAVERS', 'liste.csv', 'x', 1,"
            + " 'COMPLETED', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'superviseur', CURRENT_TIMESTAMP, ?)";
    jdbc.update(batch, 7001, "42");
    jdbc.update(batch, 7002, "69");
    String entry =
        "INSERT INTO access_log (id, read_at, user_id, case_number, surface) VALUES (?,"
            + " CURRENT_TIMESTAMP, 'coord.lyon', ?, 'CASE_PAGE')";
    jdbc.update(entry, 1, "2025-69-000001");
    jdbc.update(entry, 2, "2025-971-000002");
    jdbc.update(entry, 3, "2026-2A-000003");
    jdbc.update(entry, 4, "import:7001");
    jdbc.update(entry, 5, "import:7002");
    jdbc.update(entry, 6, "instance:4c1f");
    jdbc.update(entry, 7, null);
    jdbc.update(
        "INSERT INTO import_column_alias (source, header_folded, column_name, header, position,"
            + " updated_by, updated_at) VALUES ('CFA', 'nomelv', 'nom', 'NOM_ELV', 0,"
            + " 'superviseur', CURRENT_TIMESTAMP)");

    migrate(ds, vendor, null);

    assertThat(jdbc.queryForList("SELECT departement FROM access_log ORDER BY id", String.class))
        .containsExactlyElementsOf(Arrays.asList("69", "971", "2A", "42", "69", null, null));
    assertThat(
            jdbc.queryForMap(
                "SELECT departement, source, header FROM import_column_alias WHERE header_folded"
                    + " = 'nomelv'"))
        .containsEntry("departement", "69")
        .containsEntry("source", "CFA")
        .containsEntry("header", "NOM_ELV");
    if (TestDatabases.postgres()) {
      // The log is append-only again.
      assertThatThrownBy(() -> jdbc.update("UPDATE access_log SET departement = '42'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> jdbc.update("DELETE FROM access_log"))
          .hasMessageContaining("append-only");
    }
  }

  private static void migrate(DriverManagerDataSource ds, String vendor, String target) {
    var configuration =
        Flyway.configure()
            .dataSource(ds)
            .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
            .placeholders(Map.of("default_departement", "69"));
    if (target != null) {
      configuration.target(target);
    }
    configuration.load().migrate();
  }
}
