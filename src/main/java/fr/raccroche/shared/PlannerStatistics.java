package fr.raccroche.shared;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refreshes PostgreSQL's planner statistics while a bulk load grows the tables. A large import
 * starts on tables the planner believes small: until their statistics catch up, it plans the
 * chunk's lookups (by INE, birth date, person) as sequential scans. Autovacuum catches up only a
 * minute or more later, and not at all on a server where it is turned off; the import asks for it
 * as it goes instead. Nothing on H2.
 */
@Component
public class PlannerStatistics {
  private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

  private final DatabaseKind database;
  private final JdbcTemplate jdbc;

  public PlannerStatistics(DatabaseKind database, DataSource dataSource) {
    this.database = database;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * {@code ANALYZE} of the whole database (a sample of each table: about a second at 100,000 young
   * people). Call it outside any transaction, at growing intervals.
   */
  public void refresh() {
    if (!database.postgres()) {
      return;
    }
    long start = System.nanoTime();
    jdbc.execute("ANALYZE");
    log.info("Planner statistics refreshed in {} ms", (System.nanoTime() - start) / 1_000_000);
  }
}
