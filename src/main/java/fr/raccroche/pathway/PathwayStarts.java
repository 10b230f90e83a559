package fr.raccroche.pathway;

import fr.raccroche.pathway.internal.StartFailureReasons;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.SupportCaseRepository;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import fr.raccroche.pathway.process.PathwayEngine;
import fr.raccroche.shared.Attempts;
import fr.raccroche.shared.Attempts.OutageObserver;
import fr.raccroche.shared.BackgroundStatistics;
import fr.raccroche.shared.PlannerStatistics;
import fr.raccroche.shared.TransientFailures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the pathways of registered cases, so that a case whose pathway cannot start never stops
 * another (docs/adr/0008-one-intake.md). Starts run in slices of {@link #PER_TRANSACTION}, one
 * transaction each; a slice that fails is run again case by case, each in its own transaction; a
 * case that still fails is marked "démarrage en échec" with a French reason (no personal data),
 * leaves the queue of pending starts, and gets a {@code PathwayStartRecoveryProcess} whose job
 * tries again and becomes an incident in Cockpit, which supervisors retry once the cause is fixed.
 *
 * <p>Every method runs outside any transaction (or after the caller's commit, {@link
 * #startAfterCommit}): failures are caught only around whole transactions that rolled back. A
 * database that goes away is waited for ({@link Attempts}); lock conflicts run again.
 */
@Service
public class PathwayStarts {
  private static final Logger log = LoggerFactory.getLogger(PathwayStarts.class);
  static final int PER_TRANSACTION = 50;
  private static final int PENDING_PAGE = 2_000;
  private static final long FIRST_STATISTICS_REFRESH = 2_000;

  private final SupportCaseRepository cases;
  private final YoungPersonRepository persons;
  private final PathwayEngine engine;
  private final Attempts attempts;
  private final PlannerStatistics statistics;
  private final TransactionTemplate ownTransaction;
  private final int threads;
  private final Clock clock;

  PathwayStarts(
      SupportCaseRepository cases,
      YoungPersonRepository persons,
      PathwayEngine engine,
      Attempts attempts,
      PlannerStatistics statistics,
      PlatformTransactionManager transactions,
      @Value("${raccroche.detection.pathway-start-threads:2}") int threads,
      Optional<Clock> clock) {
    this.cases = cases;
    this.persons = persons;
    this.engine = engine;
    this.attempts = attempts;
    this.statistics = statistics;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.threads = Math.max(1, threads);
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** What a run of starts did: how many started, which cases could not. */
  public record StartReport(long started, List<String> failed) {}

  /** A case whose pathway could not start, as supervisors see it (no personal data). */
  public record StartFailure(
      String caseNumber, String perimeterCode, String reason, Instant failedAt) {}

  /**
   * Starts every pathway registered and not started yet (the cases marked as failed wait for a
   * retry): slices on {@code raccroche.detection.pathway-start-threads} threads (a start is engine
   * work bound by round trips to the database: two threads on two cores start nearly twice as
   * many). {@code progress} runs on the calling thread with the number each slice started.
   */
  public StartReport startPending(IntConsumer progress, OutageObserver outages) {
    return startPending(PER_TRANSACTION, threads, progress, outages);
  }

  /** {@link #startPending(IntConsumer, OutageObserver)} with other slices (the benchmark's). */
  public StartReport startPending(
      int perTransaction, int threads, IntConsumer progress, OutageObserver outages) {
    long total = 0;
    List<String> failed = new ArrayList<>();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "raccroche-pathway-start");
              t.setDaemon(true);
              return t;
            });
    // The engine's tables grow with the starts: their statistics are refreshed while the starts go
    // on (an ANALYZE of the engine's tables takes seconds at 100,000 pathways).
    BackgroundStatistics statisticsAsStarted =
        new BackgroundStatistics(
            "raccroche-planner-statistics", this::refreshStatistics, FIRST_STATISTICS_REFRESH);
    try {
      while (true) {
        statisticsAsStarted.progress(total);
        List<String> pending =
            attempts.run(
                "Pending pathway starts",
                TransientFailures::lockConflict,
                outages,
                () -> cases.findPendingStarts(Pageable.ofSize(PENDING_PAGE)));
        if (pending.isEmpty()) {
          return new StartReport(total, failed);
        }
        List<Future<StartReport>> slices = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += perTransaction) {
          List<String> slice =
              pending.subList(from, Math.min(pending.size(), from + perTransaction));
          slices.add(workers.submit(() -> startSlice(slice, outages)));
        }
        long startedNow = 0;
        for (Future<StartReport> slice : slices) {
          StartReport r = await(slice);
          startedNow += r.started();
          failed.addAll(r.failed());
          progress.accept((int) r.started());
        }
        total += startedNow;
        if (startedNow == 0 && failed.isEmpty()) {
          // Everything listed was started meanwhile by someone else: look again, once.
          if (cases.findPendingStarts(Pageable.ofSize(PENDING_PAGE)).equals(pending)) {
            return new StartReport(total, failed);
          }
        }
      }
    } finally {
      workers.shutdownNow();
      statisticsAsStarted.close();
    }
  }

  /**
   * Starts one case's pathway now, in transactions of its own, if it still waits; answers whether
   * it runs now (false: it could not start, or the case is unknown or closed).
   */
  public boolean startNow(String caseNumber) {
    startSlice(List.of(caseNumber), OutageObserver.NONE);
    return Boolean.TRUE.equals(
        ownTransaction.execute(
            tx ->
                cases
                    .findById(caseNumber)
                    .map(c -> c.getProcessInstanceId() != null)
                    .orElse(false)));
  }

  /**
   * Starts the case's pathway once the caller's transaction has committed (a review's outcome, in
   * the command of whoever completed the review): should it fail, the review is still recorded and
   * the case is marked, not the review undone.
   */
  public void startAfterCommit(String caseNumber) {
    Attempts.afterCommit(() -> startNow(caseNumber));
  }

  /** The cases among these whose pathway could not start and still waits, by case number. */
  public Map<String, StartFailure> failuresAmong(Collection<String> caseNumbers) {
    Map<String, StartFailure> found = new HashMap<>();
    if (caseNumbers.isEmpty()) {
      return found;
    }
    ownTransaction.executeWithoutResult(
        tx -> {
          for (SupportCaseEntity c : cases.findStartFailuresIn(caseNumbers)) {
            found.put(c.getCaseNumber(), failure(c));
          }
        });
    return found;
  }

  /** Every case whose pathway could not start and still waits, most recent first. */
  public Page<StartFailure> failures(Pageable page) {
    return ownTransaction.execute(tx -> cases.findStartFailures(page).map(PathwayStarts::failure));
  }

  /**
   * Used by {@code PathwayStartRecoveryProcess}'s job, in the job's transaction: starts the case's
   * pathway if it still waits. A failure becomes the job's (then the incident's) French message,
   * without the cause's text (which may quote personal data).
   */
  public void startFromRecovery(String caseNumber) {
    SupportCaseEntity c = cases.lockCase(caseNumber);
    if (c == null || c.getProcessInstanceId() != null || c.getStatus() == CaseStatus.CLOSED) {
      return; // started meanwhile, closed, or erased: nothing to do
    }
    engine.startTranslatingFailures(
        List.of(new PathwayEngine.Start(c, persons.findById(c.getPersonId()).orElseThrow())),
        StartFailureReasons::of);
  }

  // ---- slices and cases

  private StartReport startSlice(List<String> slice, OutageObserver outages) {
    try {
      int started =
          attempts.run(
              "Pathway start slice",
              TransientFailures::lockConflict,
              outages,
              () -> ownTransaction.execute(tx -> startLocked(slice)));
      return new StartReport(started, List.of());
    } catch (RuntimeException e) {
      if (TransientFailures.databaseUnavailable(e)) {
        throw e; // gone for longer than we wait: the caller stops, nothing is marked
      }
      if (slice.size() > 1) {
        log.warn(
            "A slice of {} pathway starts failed ({}); starting its cases one by one",
            slice.size(),
            TransientFailures.describe(e));
      }
      if (slice.size() == 1) {
        return new StartReport(0, recordFailure(slice.get(0), e, outages));
      }
    }
    long started = 0;
    List<String> failed = new ArrayList<>();
    for (String caseNumber : slice) {
      StartReport one = startSlice(List.of(caseNumber), outages);
      started += one.started();
      failed.addAll(one.failed());
    }
    return new StartReport(started, failed);
  }

  /**
   * Starts those of these cases still waiting, locked (two threads or nodes never both start one).
   */
  private int startLocked(Collection<String> caseNumbers) {
    List<SupportCaseEntity> batch = cases.lockPendingStarts(caseNumbers);
    if (batch.isEmpty()) {
      return 0;
    }
    Map<Long, YoungPersonEntity> people = new HashMap<>();
    persons
        .findAllById(batch.stream().map(SupportCaseEntity::getPersonId).distinct().toList())
        .forEach(p -> people.put(p.getId(), p));
    engine.start(
        batch.stream().map(c -> new PathwayEngine.Start(c, people.get(c.getPersonId()))).toList());
    return batch.size();
  }

  /** Marks the case "démarrage en échec" and opens its recovery; answers it if it was marked. */
  private List<String> recordFailure(String caseNumber, RuntimeException e, OutageObserver o) {
    String reason = StartFailureReasons.of(e);
    log.warn("Pathway of case {} could not start: {}", caseNumber, TransientFailures.describe(e));
    boolean marked =
        attempts.run(
            "Pathway start failure record",
            TransientFailures::lockConflict,
            o,
            () ->
                ownTransaction.execute(
                    tx -> {
                      SupportCaseEntity c = cases.lockCase(caseNumber);
                      if (c == null
                          || c.getProcessInstanceId() != null
                          || c.getStatus() == CaseStatus.CLOSED) {
                        return false;
                      }
                      c.setStartFailure(reason, Instant.now(clock));
                      engine.openRecovery(caseNumber, reason);
                      return true;
                    }));
    return marked ? List.of(caseNumber) : List.of();
  }

  private static StartFailure failure(SupportCaseEntity c) {
    return new StartFailure(
        c.getCaseNumber(), c.getPerimeterCode(), c.getStartFailure(), c.getStartFailedAt());
  }

  private void refreshStatistics() {
    try {
      statistics.refresh();
    } catch (RuntimeException e) {
      log.warn("Planner statistics not refreshed: {}", e.toString());
    }
  }

  private static StartReport await(Future<StartReport> slice) {
    try {
      return slice.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting pathways", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
