package fr.raccroche.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serialises, across the nodes of a cluster that share one PostgreSQL database, the work each node
 * does when it starts: the engine's schema creation and the "create what is missing" of the
 * bootstrap (groups, rights, shared Tasklist filters), which would otherwise run twice when two
 * nodes start together on an empty database. PostgreSQL advisory locks; nothing on H2, which one
 * node uses at a time.
 */
@Component
public class ClusterLock {
  /** Lock names (hashed to the advisory lock key). */
  public static final String ENGINE_SCHEMA = "raccroche:engine-schema";

  public static final String STARTUP = "raccroche:startup";

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final DatabaseKind database;

  public ClusterLock(DataSource dataSource, DatabaseKind database) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.database = database;
  }

  /**
   * Waits for the lock and holds it until the current transaction ends (commit or rollback). The
   * next node then sees what this one committed.
   */
  public void lockForTransaction(String name) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("ClusterLock.lockForTransaction needs a transaction");
    }
    if (postgres()) {
      jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, name);
    }
  }

  /**
   * Waits for the lock and holds it, on a connection of its own, until the handle is closed (for
   * work that runs its own transactions, such as the engine's schema creation).
   */
  public Held hold(String name) {
    if (!postgres()) {
      return () -> {};
    }
    try {
      Connection connection = dataSource.getConnection();
      try {
        connection.setAutoCommit(true);
        execute(connection, "select pg_advisory_lock(hashtext(?))", name);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
      return () -> {
        try (connection) {
          execute(connection, "select pg_advisory_unlock(hashtext(?))", name);
        }
      };
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the cluster lock " + name, e);
    }
  }

  /** A lock held until closed. */
  @FunctionalInterface
  public interface Held extends AutoCloseable {
    @Override
    void close() throws SQLException;
  }

  private boolean postgres() {
    return database.postgres();
  }

  private static void execute(Connection connection, String sql, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, name);
      statement.executeQuery().close();
    }
  }
}
