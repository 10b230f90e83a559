package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundStatisticsTest {

  @Test
  void refreshesAtTheFirstThresholdThenAtEveryFourfoldOnItsOwnThread() throws Exception {
    AtomicInteger refreshes = new AtomicInteger();
    try (BackgroundStatistics s =
        new BackgroundStatistics("test-statistics", refreshes::incrementAndGet, 2_000)) {
      s.progress(1_999);
      settle();
      assertThat(refreshes).hasValue(0);
      s.progress(2_500);
      settle();
      assertThat(refreshes).hasValue(1);
      s.progress(7_999); // next at 8,000
      settle();
      assertThat(refreshes).hasValue(1);
      s.progress(40_000); // past 8,000 and 32,000 at once: one refresh, next at 128,000
      settle();
      assertThat(refreshes).hasValue(2);
      s.progress(100_000);
      settle();
      assertThat(refreshes).hasValue(2);
    }
  }

  @Test
  void neverWaitsForARunningRefreshNorStartsASecondOne() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    try (BackgroundStatistics s =
        new BackgroundStatistics(
            "test-statistics",
            () -> {
              started.incrementAndGet();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            10)) {
      long before = System.nanoTime();
      s.progress(10);
      s.progress(45); // a threshold passed while the first refresh still runs: skipped
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - before)).isLessThan(5);
      settle();
      assertThat(started).hasValue(1);
      release.countDown();
    }
  }

  private static void settle() throws InterruptedException {
    Thread.sleep(100);
  }
}
