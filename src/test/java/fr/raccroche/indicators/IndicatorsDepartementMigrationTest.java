package fr.raccroche.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V2026_12_05_20 on a database of a deployment that served one département: each existing row takes
 * the département of its perimeter, else the one of its case number; snapshots and département-wide
 * objectives the deployment's; the counts are emptied for their rebuild.
 */
class IndicatorsDepartementMigrationTest {
  @Test
  void existingRowsTakeTheirDepartement() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:indicators-migration;DB_CLOSE_DELAY=-1");
    Flyway before =
        Flyway.configure()
            .dataSource(ds)
            .locations("classpath:db/migration")
            .placeholders(Map.of("default_departement", "69"))
            .target("2026.12.05.10")
            .load();
    before.migrate();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    jdbc.update(
        "INSERT INTO perimeter (code, name, departement, created_at) VALUES"
            + " ('FOREZ', 'Forez', '42', CURRENT_TIMESTAMP),"
            + " ('LYON', 'Lyon', '69', CURRENT_TIMESTAMP)");
    String fact =
        "INSERT INTO indicator_case_fact (id, case_number, person_id, perimeter_code, age_band,"
            + " last_level, detected_on, updated_at) VALUES (?, ?, ?, ?, 'UNKNOWN', 'UNKNOWN',"
            + " DATE '2025-10-01', CURRENT_TIMESTAMP)";
    jdbc.update(fact, 1, "2025-69-000001", 1, "LYON");
    // a case numbered in 69 but now in a perimeter of 42: its perimeter says
    jdbc.update(fact, 2, "2025-69-000002", 2, "FOREZ");
    // no perimeter: the case number says
    jdbc.update(fact, 3, "2025-42-000003", 3, null);
    jdbc.update(fact, 4, "2025-971-000004", 4, null);
    jdbc.update(
        "INSERT INTO indicator_count (kind, school_year, period_start, scope, dimension,"
            + " dim_value, n) VALUES ('LEAVER', 2025, DATE '2025-10-01', '*', 'total', '', 4)");
    jdbc.update("INSERT INTO indicator_count_state (id, built_at, facts) VALUES (1, NOW(), 4)");
    jdbc.update(
        "INSERT INTO indicator_snapshot (id, school_year, quarter, status, report_json,"
            + " computed_at) VALUES (1, '2025-2026', '2026-Q1', 'PUBLISHED', '{}', NOW())");
    String objective =
        "INSERT INTO indicator_objective (id, school_year, perimeter_code, indicator, kind,"
            + " target, updated_by, updated_at) VALUES (?, '2025-2026', ?, 'LEAVERS', 'COUNT',"
            + " 10, 'superviseur', NOW())";
    jdbc.update(objective, 1, "*");
    jdbc.update(objective, 2, "FOREZ");

    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .placeholders(Map.of("default_departement", "69"))
        .target("2026.12.05.20")
        .load()
        .migrate();

    assertThat(
            jdbc.queryForList(
                "SELECT departement FROM indicator_case_fact ORDER BY id", String.class))
        .containsExactly("69", "42", "42", "971");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_count", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_count_state", Integer.class))
        .as("rebuilt at the next start")
        .isZero();
    assertThat(jdbc.queryForObject("SELECT departement FROM indicator_snapshot", String.class))
        .isEqualTo("69");
    assertThat(
            jdbc.queryForList(
                "SELECT departement FROM indicator_objective ORDER BY id", String.class))
        .containsExactly("69", "42");
  }
}
