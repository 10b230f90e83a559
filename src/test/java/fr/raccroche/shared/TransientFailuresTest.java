package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** Which failures of a unit of work are worth running it again. */
class TransientFailuresTest {
  @Test
  void aDeadlockWrappedByTheEngineIsRetried() {
    SQLException deadlock = new SQLException("deadlock detected", "40P01");
    assertThat(
            TransientFailures.lockConflict(
                new ProcessEngineException("flush failed", new RuntimeException(deadlock))))
        .isTrue();
    assertThat(
            TransientFailures.lockConflict(new SQLException("could not serialize access", "40001")))
        .isTrue();
    assertThat(TransientFailures.lockConflict(new CannotAcquireLockException("lock"))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(
            TransientFailures.lockConflict(
                new DataIntegrityViolationException(
                    "duplicate", new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(TransientFailures.lockConflict(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void aLostConnectionOrARestartingServerIsAnOutageNotALockConflict() {
    SQLException terminated =
        new SQLException("terminating connection due to administrator command", "57P01");
    SQLException ioError = new SQLException("An I/O error occurred while sending", "08006");
    assertThat(
            TransientFailures.databaseUnavailable(
                new ProcessEngineException("flush failed", new RuntimeException(terminated))))
        .isTrue();
    assertThat(TransientFailures.databaseUnavailable(ioError)).isTrue();
    assertThat(
            TransientFailures.databaseUnavailable(
                new org.springframework.transaction.CannotCreateTransactionException("no tx")))
        .isTrue();
    assertThat(TransientFailures.lockConflict(terminated)).isFalse();
    assertThat(
            TransientFailures.databaseUnavailable(
                new DataIntegrityViolationException(
                    "duplicate", new SQLException("duplicate key", "23505"))))
        .isFalse();
  }

  @Test
  void aDescriptionNamesClassesAndStatesButNeverAMessage() {
    String described =
        TransientFailures.describe(
            new ProcessEngineException(
                "Jeanne DUPONT, 06 12 34 56 78",
                new SQLException("value Jeanne too long", "22001")));
    assertThat(described)
        .contains("ProcessEngineException", "SQLState 22001")
        .doesNotContain("Jeanne", "DUPONT", "06 12");
  }
}
