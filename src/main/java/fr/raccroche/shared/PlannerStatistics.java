package fr.raccroche.shared;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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

  /**
   * The tables autovacuum would analyze now (its default rule: more rows changed since the last
   * analyze than 50 + 10 % of the table), or never analyzed and changed. Only those: analysing
   * every table of the database took seconds once the engine's history was large.
   */
  private static final String STALE_TABLES =
      "SELECT quote_ident(schemaname) || '.' || quote_ident(relname) FROM pg_stat_user_tables"
          + " WHERE schemaname = current_schema() AND n_mod_since_analyze > 0"
          + " AND (n_mod_since_analyze > 50 + 0.1 * n_live_tup"
          + " OR (last_analyze IS NULL AND last_autoanalyze IS NULL))";

  private final DatabaseKind database;
  private final JdbcTemplate jdbc;
  private final AtomicLong refreshes = new AtomicLong();

  public PlannerStatistics(DatabaseKind database, DataSource dataSource) {
    this.database = database;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * {@code ANALYZE} of the tables whose statistics are stale. Call it outside any transaction, at
   * growing intervals (each call samples up to 30,000 rows of each stale table).
   */
  public void refresh() {
    if (!database.postgres()) {
      return;
    }
    long start = System.nanoTime();
    List<String> stale = jdbc.queryForList(STALE_TABLES, String.class);
    if (!stale.isEmpty()) {
      jdbc.execute("ANALYZE " + String.join(", ", stale));
    }
    refreshes.incrementAndGet();
    log.info(
        "Planner statistics refreshed for {} table(s) in {} ms: {}",
        stale.size(),
        (System.nanoTime() - start) / 1_000_000,
        stale);
  }

  /**
   * How many refreshes ran on PostgreSQL since the start. Which tables each one finds stale depends
   * on PostgreSQL's activity counters, which reach {@code pg_stat_user_tables} up to several
   * seconds after the writes (a connection flushes them at most once a second, an idle one later):
   * a refresh early in a load may find nothing yet, a later one catches up.
   */
  public long refreshes() {
    return refreshes.get();
  }
}
