package fr.raccroche.pathway.internal;

import fr.raccroche.pathway.CaseNumbers;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the next case number of a school year and département. Numbers are taken from the counter
 * in blocks, each in a short transaction of its own: two transactions never get the same number,
 * and none holds the counter's lock while it goes on (an import's chunks are written by several
 * transactions at once). A block reserved by a transaction that then rolls back leaves a gap in the
 * numbering; numbers are never reused.
 */
@Component
public class CaseNumberGenerator {
  private final CaseNumberCounterRepository counters;
  private final TransactionTemplate ownTransaction;

  CaseNumberGenerator(
      CaseNumberCounterRepository counters, PlatformTransactionManager transactions) {
    this.counters = counters;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Reserves {@code count} numbers for the caller's transaction (an import's chunk). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reserve(LocalDate detectedOn, String departement, int count) {
    CaseNumberCounterId id =
        new CaseNumberCounterId(CaseNumbers.schoolYearStart(detectedOn), departement);
    Block block = blocks().get(id);
    if (block == null || block.remaining() < count) {
      long last = take(id, count); // what is left of an older block stays unused
      blocks().put(id, new Block(last - count + 1, last));
    }
  }

  /**
   * The next number, in the caller's transaction (no transaction interceptor: imports number by the
   * hundred).
   */
  public String next(LocalDate detectedOn, String departement) {
    reserve(detectedOn, departement, 1); // a no-op while the transaction's block lasts
    int year = CaseNumbers.schoolYearStart(detectedOn);
    Block block = blocks().get(new CaseNumberCounterId(year, departement));
    return CaseNumbers.format(year, departement, block.next++);
  }

  /**
   * Moves the counter on by {@code count} in a transaction of its own; answers the last number
   * taken. The first number of a school year creates the counter: the threads of this node take
   * numbers one after the other (a few milliseconds each), so that two of them never both create
   * it; should another node create it at the same moment, the second attempt finds it.
   */
  private synchronized long take(CaseNumberCounterId id, int count) {
    try {
      return takeOnce(id, count);
    } catch (org.springframework.dao.DataIntegrityViolationException createdMeanwhile) {
      return takeOnce(id, count);
    }
  }

  private long takeOnce(CaseNumberCounterId id, int count) {
    return ownTransaction.execute(
        tx -> {
          if (counters.advance(id, count) == 0) {
            counters.create(id.schoolYearStart(), id.departement(), count);
          }
          return counters.findById(id).orElseThrow().getLastValue();
        });
  }

  /** The blocks reserved by the current transaction, per school year and département. */
  @SuppressWarnings("unchecked")
  private Map<CaseNumberCounterId, Block> blocks() {
    Map<CaseNumberCounterId, Block> blocks =
        (Map<CaseNumberCounterId, Block>) TransactionSynchronizationManager.getResource(this);
    if (blocks == null) {
      blocks = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, blocks);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(CaseNumberGenerator.this);
            }
          });
    }
    return blocks;
  }

  /** Numbers {@code next} to {@code last}, reserved. */
  private static final class Block {
    long next;
    final long last;

    Block(long next, long last) {
      this.next = next;
      this.last = last;
    }

    int remaining() {
      return (int) (last - next + 1);
    }
  }
}
