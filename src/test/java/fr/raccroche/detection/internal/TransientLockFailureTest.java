package fr.raccroche.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** Which failures of a pathway-start slice are worth running it again. */
class TransientLockFailureTest {
  @Test
  void aDeadlockWrappedByTheEngineIsRetried() {
    SQLException deadlock = new SQLException("deadlock detected", "40P01");
    assertThat(
            ImportProcessor.transientLockFailure(
                new ProcessEngineException("flush failed", new RuntimeException(deadlock))))
        .isTrue();
    assertThat(
            ImportProcessor.transientLockFailure(
                new SQLException("could not serialize access", "40001")))
        .isTrue();
    assertThat(ImportProcessor.transientLockFailure(new CannotAcquireLockException("lock")))
        .isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(
            ImportProcessor.transientLockFailure(
                new DataIntegrityViolationException(
                    "duplicate", new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(ImportProcessor.transientLockFailure(new IllegalStateException("bug"))).isFalse();
  }
}
