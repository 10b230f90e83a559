package fr.raccroche.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a unit of work that is a whole transaction of its own, again when it failed for a reason
 * that may pass: a lock conflict (or what the caller says is retryable), up to three times; a
 * database that went away, as long as it takes to come back, up to {@code
 * raccroche.database.outage-wait} (PT5M by default). Nothing of a failed attempt was kept, so
 * running it again is exact.
 *
 * <p>Only outside any transaction: catching a failure inside a transaction that then commits would
 * keep half of it (docs/adr/0008-one-intake.md). Called inside one, it refuses at once.
 */
@Component
public class Attempts {
  private static final Logger log = LoggerFactory.getLogger(Attempts.class);
  private static final int RETRIES = 3;

  private final Duration outageWait;
  private final DataSource dataSource;

  @org.springframework.beans.factory.annotation.Autowired
  public Attempts(
      @Value("${raccroche.database.outage-wait:PT5M}") Duration outageWait, DataSource dataSource) {
    this.outageWait = outageWait;
    this.dataSource = dataSource;
  }

  /** Without a database to probe (unit tests): only the failures' causes tell an outage. */
  public Attempts(Duration outageWait) {
    this(outageWait, null);
  }

  /** What a caller learns of a database outage met while its work ran. */
  public interface OutageObserver {
    OutageObserver NONE = new OutageObserver() {};

    /** The database could not be reached; the work waits for it. */
    default void databaseLost() {}

    /** The database is back after {@code downtime}; the work ran again and succeeded. */
    default void databaseBack(Duration downtime) {}
  }

  public <T> T run(String what, Supplier<T> attempt) {
    return run(what, TransientFailures::lockConflict, OutageObserver.NONE, attempt);
  }

  /**
   * Runs {@code work} once the current transaction has committed (at once when there is none): work
   * that must not roll back with the caller, nor make it roll back — its own transactions, through
   * this class. A failure of the caller's transaction skips it.
   */
  public static void afterCommit(Runnable work) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      work.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            AFTER_COMMIT.set(Boolean.TRUE);
            try {
              work.run();
            } finally {
              AFTER_COMMIT.remove();
            }
          }
        });
  }

  /** True while {@link #afterCommit} work runs: the committed transaction is still bound. */
  private static final ThreadLocal<Boolean> AFTER_COMMIT = new ThreadLocal<>();

  public <T> T run(
      String what, Predicate<Throwable> retryable, OutageObserver outages, Supplier<T> attempt) {
    if (TransactionSynchronizationManager.isActualTransactionActive()
        && AFTER_COMMIT.get() == null) {
      throw new IllegalStateException(
          "Attempts run whole transactions of their own: not inside a transaction (" + what + ")");
    }
    long lostAt = 0;
    Duration pause = Duration.ofMillis(250);
    for (int n = 1; ; ) {
      try {
        T result = attempt.get();
        if (lostAt != 0) {
          Duration downtime = Duration.ofNanos(System.nanoTime() - lostAt);
          log.warn("{}: database back after {} ms, work done", what, downtime.toMillis());
          outages.databaseBack(downtime);
        }
        return result;
      } catch (RuntimeException e) {
        if (TransientFailures.databaseUnavailable(e) || !reachable()) {
          if (lostAt == 0) {
            lostAt = System.nanoTime();
            log.warn("{}: database unavailable ({}), waiting for it", what, e.getClass().getName());
            outages.databaseLost();
          } else if (System.nanoTime() - lostAt > outageWait.toNanos()) {
            log.error("{}: database still unavailable after {}, giving up", what, outageWait);
            throw e;
          }
          sleep(pause);
          pause =
              pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                  ? Duration.ofSeconds(5)
                  : pause.multipliedBy(2);
          continue;
        }
        if (n >= RETRIES || !retryable.test(e)) {
          throw e;
        }
        log.warn(
            "{}: attempt {} refused by the database ({}), retrying",
            what,
            n,
            TransientFailures.sqlState(e));
        n++;
      }
    }
  }

  /**
   * Whether a fresh connection answers: a failure whose causes name no lost connection (a driver or
   * a pool may say it in other words) still counts as an outage while the database is unreachable.
   */
  private boolean reachable() {
    if (dataSource == null) {
      return true;
    }
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the database", e);
    }
  }
}
