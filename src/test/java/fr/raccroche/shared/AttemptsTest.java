package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Units of work run again when the failure may pass, never otherwise. */
class AttemptsTest {
  static RuntimeException lost() {
    return new RuntimeException(new SQLException("terminating connection", "57P01"));
  }

  @Test
  void aLostDatabaseIsWaitedForAndTheObserverToldOnce() {
    Attempts attempts = new Attempts(Duration.ofSeconds(30));
    AtomicInteger tries = new AtomicInteger();
    AtomicInteger lostCalls = new AtomicInteger();
    AtomicInteger backCalls = new AtomicInteger();
    String result =
        attempts.run(
            "test",
            e -> false,
            new Attempts.OutageObserver() {
              @Override
              public void databaseLost() {
                lostCalls.incrementAndGet();
              }

              @Override
              public void databaseBack(Duration downtime) {
                backCalls.incrementAndGet();
              }
            },
            () -> {
              if (tries.incrementAndGet() < 4) {
                throw lost();
              }
              return "done";
            });
    assertThat(result).isEqualTo("done");
    assertThat(tries.get()).isEqualTo(4);
    assertThat(lostCalls.get()).isEqualTo(1);
    assertThat(backCalls.get()).isEqualTo(1);
  }

  @Test
  void aDatabaseAwayLongerThanTheWaitEndsTheWork() {
    Attempts attempts = new Attempts(Duration.ofMillis(600));
    assertThatThrownBy(
            () ->
                attempts.run(
                    "test",
                    e -> false,
                    Attempts.OutageObserver.NONE,
                    () -> {
                      throw lost();
                    }))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void aLockConflictRunsAgainAtMostThreeTimesOtherFailuresNever() {
    Attempts attempts = new Attempts(Duration.ofSeconds(1));
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(
            () ->
                attempts.run(
                    "test",
                    () -> {
                      tries.incrementAndGet();
                      throw new RuntimeException(new SQLException("deadlock", "40P01"));
                    }))
        .isInstanceOf(RuntimeException.class);
    assertThat(tries.get()).isEqualTo(3);
    tries.set(0);
    assertThatThrownBy(
            () ->
                attempts.run(
                    "test",
                    () -> {
                      tries.incrementAndGet();
                      throw new DataIntegrityViolationException("bad row");
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(tries.get()).isEqualTo(1);
  }
}
