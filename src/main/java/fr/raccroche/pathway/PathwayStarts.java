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
import fr.raccroche.shared.SliceRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

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
  private final SliceRunner slices;
  private final PlannerStatistics statistics;
  private final int threads;
  private final Clock clock;

  PathwayStarts(
      SupportCaseRepository cases,
      YoungPersonRepository persons,
      PathwayEngine engine,
      SliceRunner slices,
      PlannerStatistics statistics,
      @Value("${raccroche.detection.pathway-start-threads:2}") int threads,
      Optional<Clock> clock) {
    this.cases = cases;
    this.persons = persons;
    this.engine = engine;
    this.slices = slices;
    this.statistics = statistics;
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
    // The engine's tables grow with the starts: their statistics are refreshed while the starts go
    // on (an ANALYZE of the engine's tables takes seconds at 100,000 pathways).
    try (BackgroundStatistics statisticsAsStarted =
        new BackgroundStatistics(
            "raccroche-planner-statistics", this::refreshStatistics, FIRST_STATISTICS_REFRESH)) {
      long[] total = {0};
      SliceRunner.Outcome<String> outcome =
          slices.drain(
              "Pathway start",
              () -> cases.findPendingStarts(Pageable.ofSize(PENDING_PAGE)),
              perTransaction,
              threads,
              work,
              n -> {
                total[0] += n;
                statisticsAsStarted.progress(total[0]);
                progress.accept(n);
              },
              outages);
      return new StartReport(outcome.done(), outcome.failed());
    }
  }

  /**
   * Starts one case's pathway now, in transactions of its own, if it still waits; answers whether
   * it runs now (false: it could not start, or the case is unknown or closed).
   */
  public boolean startNow(String caseNumber) {
    slices.run("Pathway start", List.of(caseNumber), work, OutageObserver.NONE);
    return Boolean.TRUE.equals(
        slices.read(
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
    if (!caseNumbers.isEmpty()) {
      slices.read(
          tx -> {
            cases
                .findStartFailuresIn(caseNumbers)
                .forEach(c -> found.put(c.getCaseNumber(), failure(c)));
            return null;
          });
    }
    return found;
  }

  /** Every case whose pathway could not start and still waits, most recent first. */
  /** The failed starts of the cases of a scope's départements (a supervisor's: their own). */
  public Page<StartFailure> failures(CaseScope scope, Pageable page) {
    boolean every = scope.everyDepartement();
    java.util.Collection<String> departements =
        every || scope.departements() == null || scope.departements().isEmpty()
            ? java.util.List.of("-")
            : scope.departements();
    return slices.read(
        tx -> cases.findStartFailures(every, departements, page).map(PathwayStarts::failure));
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

  // ---- a slice's work

  private final SliceRunner.Work<String> work =
      new SliceRunner.Work<>() {
        /** Starts those of these cases still waiting, locked (never two starts of one case). */
        @Override
        public int doInTransaction(List<String> caseNumbers) {
          List<SupportCaseEntity> batch = cases.lockPendingStarts(caseNumbers);
          if (batch.isEmpty()) {
            return 0;
          }
          Map<Long, YoungPersonEntity> people = new HashMap<>();
          persons
              .findAllById(batch.stream().map(SupportCaseEntity::getPersonId).distinct().toList())
              .forEach(p -> people.put(p.getId(), p));
          engine.start(
              batch.stream()
                  .map(c -> new PathwayEngine.Start(c, people.get(c.getPersonId())))
                  .toList());
          return batch.size();
        }

        /** Marks the case "démarrage en échec" and opens its recovery. */
        @Override
        public boolean recordFailure(String caseNumber, RuntimeException e) {
          SupportCaseEntity c = cases.lockCase(caseNumber);
          if (c == null || c.getProcessInstanceId() != null || c.getStatus() == CaseStatus.CLOSED) {
            return false;
          }
          String reason = StartFailureReasons.of(e);
          c.setStartFailure(reason, Instant.now(clock));
          engine.openRecovery(caseNumber, reason);
          return true;
        }
      };

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
}
