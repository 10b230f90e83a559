package fr.raccroche.shared;

import fr.raccroche.shared.Attempts.OutageObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through a queue in slices, one transaction each, so that one item that cannot be done stops
 * no other (docs/intake.md §6): a slice that fails for anything but a lock conflict or a lost
 * database runs again item by item, each in its own transaction; an item that still fails is handed
 * to {@code recordFailure}, in a transaction of its own, which takes it out of the queue. Lock
 * conflicts run again and a lost database is waited for ({@link Attempts}). Used for pathway starts
 * and for the reviews an import opens.
 *
 * <p>Outside any transaction only: failures are caught around whole transactions that rolled back.
 */
@Component
public class SliceRunner {
  private static final Logger log = LoggerFactory.getLogger(SliceRunner.class);

  private final Attempts attempts;
  private final TransactionTemplate own;

  public SliceRunner(Attempts attempts, PlatformTransactionManager transactions) {
    this.attempts = attempts;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** How many items were done, and which could not be. */
  public record Outcome<K>(long done, List<K> failed) {}

  /** The work of one slice (in its transaction), and what to record of an item that failed. */
  public interface Work<K> {
    /**
     * Does what is still to do among these items, in the caller's transaction; answers how many.
     */
    int doInTransaction(List<K> items);

    /** Takes a failed item out of the queue (in a transaction); answers whether it did. */
    boolean recordFailure(K item, RuntimeException failure);
  }

  /**
   * Drains the queue: takes {@code nextPage} (the items still to do, in order) until it is empty,
   * cut into slices of {@code perSlice} run on {@code threads} threads; {@code progress} runs on
   * the calling thread with the number each slice did.
   */
  public <K> Outcome<K> drain(
      String what,
      Supplier<List<K>> nextPage,
      int perSlice,
      int threads,
      Work<K> work,
      IntConsumer progress,
      OutageObserver outages) {
    long total = 0;
    List<K> failed = new ArrayList<>();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            r -> {
              Thread t = new Thread(r, "raccroche-" + what.toLowerCase().replace(' ', '-'));
              t.setDaemon(true);
              return t;
            });
    try {
      while (true) {
        List<K> page =
            attempts.run(what + " queue", TransientFailures::lockConflict, outages, nextPage);
        if (page.isEmpty()) {
          return new Outcome<>(total, failed);
        }
        List<Future<Outcome<K>>> slices = new ArrayList<>();
        for (int from = 0; from < page.size(); from += perSlice) {
          List<K> slice = page.subList(from, Math.min(page.size(), from + perSlice));
          slices.add(workers.submit(() -> run(what, slice, work, outages)));
        }
        long doneNow = 0;
        int failedNow = 0;
        for (Future<Outcome<K>> slice : slices) {
          Outcome<K> r = await(slice);
          doneNow += r.done();
          failedNow += r.failed().size();
          failed.addAll(r.failed());
          progress.accept((int) r.done());
        }
        total += doneNow;
        if (doneNow == 0 && failedNow == 0) {
          // Everything listed was done meanwhile by someone else: look again, once.
          if (nextPage.get().equals(page)) {
            return new Outcome<>(total, failed);
          }
        }
      }
    } finally {
      workers.shutdownNow();
    }
  }

  /** One slice: in one transaction, else item by item. */
  public <K> Outcome<K> run(String what, List<K> slice, Work<K> work, OutageObserver outages) {
    try {
      int done =
          attempts.run(
              what,
              TransientFailures::lockConflict,
              outages,
              () -> own.execute(tx -> work.doInTransaction(slice)));
      return new Outcome<>(done, List.of());
    } catch (RuntimeException e) {
      if (TransientFailures.databaseUnavailable(e)) {
        throw e; // gone for longer than we wait: the caller stops, nothing is marked
      }
      if (slice.size() == 1) {
        K item = slice.get(0);
        log.warn("{}: {} failed: {}", what, item, TransientFailures.describe(e));
        boolean marked =
            attempts.run(
                what + " failure record",
                TransientFailures::lockConflict,
                outages,
                () -> Boolean.TRUE.equals(own.execute(tx -> work.recordFailure(item, e))));
        return new Outcome<>(0, marked ? List.of(item) : List.of());
      }
      log.warn(
          "{}: a slice of {} failed ({}); one by one",
          what,
          slice.size(),
          TransientFailures.describe(e));
    }
    long done = 0;
    List<K> failed = new ArrayList<>();
    for (K item : slice) {
      Outcome<K> one = run(what, List.of(item), work, outages);
      done += one.done();
      failed.addAll(one.failed());
    }
    return new Outcome<>(done, failed);
  }

  /** A read in a transaction of its own (the committed state, even after a caller's commit). */
  public <T> T read(Function<Object, T> query) {
    return own.execute(tx -> query.apply(tx));
  }

  private static <K> Outcome<K> await(Future<Outcome<K>> slice) {
    try {
      return slice.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while working through slices", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
