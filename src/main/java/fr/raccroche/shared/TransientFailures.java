package fr.raccroche.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/**
 * Which failures of a unit of work (a whole transaction) may succeed if the same work runs again:
 * nothing of the failed attempt was kept. Causes are looked for however deeply the engine, JPA or
 * Spring wrapped them.
 */
public final class TransientFailures {
  private TransientFailures() {}

  /** A deadlock or serialization failure (SQL states 40P01, 40001). */
  public static boolean lockConflict(Throwable e) {
    return causedBy(
        e,
        t ->
            t instanceof org.springframework.dao.PessimisticLockingFailureException
                || t instanceof SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())));
  }

  /** A unique constraint refused a row (SQL state 23505). */
  public static boolean uniqueViolation(Throwable e) {
    return causedBy(e, t -> t instanceof SQLException sql && "23505".equals(sql.getSQLState()));
  }

  /**
   * The database went away or cannot be reached: a lost or refused connection (SQL states of class
   * 08), a server shutting down or restarting (57P01–57P03), no connection from the pool in time, a
   * transaction that could not even begin. Work cut by such a failure may be run again once the
   * database is back.
   */
  public static boolean databaseUnavailable(Throwable e) {
    return causedBy(
        e,
        t ->
            t instanceof SQLTransientConnectionException
                || t instanceof java.net.ConnectException
                || t instanceof java.io.EOFException
                || t instanceof org.springframework.transaction.CannotCreateTransactionException
                || t instanceof org.springframework.dao.DataAccessResourceFailureException
                || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                || t instanceof SQLException sql
                    && (unavailableState(sql.getSQLState()) || closedConnection(sql)));
  }

  /**
   * A connection the pool closed under the caller (its server end was terminated): HikariCP's
   * closed connection answers every call with this SQL exception, without an SQL state — and a
   * rollback on it hides the original failure.
   */
  private static boolean closedConnection(SQLException sql) {
    return sql.getSQLState() == null
        && sql.getMessage() != null
        && (sql.getMessage().equals("Connection is closed")
            || sql.getMessage().startsWith("This connection has been closed"));
  }

  private static boolean unavailableState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  /** The SQL state of the first {@link SQLException} among the causes, or null. */
  public static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  public static boolean causedBy(Throwable e, Predicate<Throwable> cause) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (cause.test(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The classes of the causes, outermost first, with SQL states ({@code A <- B(SQLState 23505)}),
   * and where the innermost was thrown: what a log may say of a failure. Messages are left out: an
   * engine's or a driver's message may quote a young person's data.
   */
  public static String describe(Throwable e) {
    StringBuilder b = new StringBuilder();
    Throwable root = e;
    int depth = 0;
    for (Throwable t = e; t != null && depth < 12; t = t.getCause() == t ? null : t.getCause()) {
      if (depth++ > 0) {
        b.append(" <- ");
      }
      b.append(t.getClass().getName());
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        b.append("(SQLState ").append(sql.getSQLState()).append(')');
      }
      root = t;
    }
    StackTraceElement[] frames = root.getStackTrace();
    for (int i = 0; i < Math.min(4, frames.length); i++) {
      b.append(i == 0 ? " at " : " < ").append(frames[i]);
    }
    return b.toString();
  }
}
