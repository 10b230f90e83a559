package fr.raccroche.pathway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers taken by transactions running at once (an import's chunk writers, a caseworker's new
 * case) are never the same, even for the first number of a school year, which creates its counter;
 * a transaction rolled back leaves a gap, never a number given twice.
 */
@RaccrocheIntegrationTest
class CaseNumberGeneratorIntegrationTest {
  @Autowired CaseNumberGenerator numbers;
  @Autowired TransactionTemplate transactions;

  @Test
  void transactionsRunningAtOnceNeverGetTheSameNumber() throws Exception {
    // A département code of its own: the first numbers of the test create its counter.
    String departement = "Z" + (10 + new java.util.Random().nextInt(89));
    LocalDate day = LocalDate.of(2026, 10, 1);
    Set<String> given = ConcurrentHashMap.newKeySet();
    List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 10; i++) {
                    boolean rollBack = i == 3;
                    transactions.executeWithoutResult(
                        tx -> {
                          if (thread % 2 == 0) {
                            numbers.reserve(day, departement, 5);
                          }
                          List<String> mine = new ArrayList<>();
                          for (int n = 0; n < 5; n++) {
                            mine.add(numbers.next(day, departement));
                          }
                          if (rollBack) {
                            tx.setRollbackOnly();
                          } else {
                            all.addAll(mine);
                            given.addAll(mine);
                          }
                        });
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(all).hasSize(4 * 9 * 5);
    assertThat(given).hasSameSizeAs(all);
    assertThat(all).allMatch(n -> n.contains(departement));
  }
}
