package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportStatus;
import fr.raccroche.pathway.PathwayStarts;
import fr.raccroche.shared.Attempts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At startup, after a crash or a kill: an import still marked running is recorded as interrupted
 * (run the same file again to finish it: the rows already stored are recognised), the reviews its
 * committed rows asked for are opened, and the pathways its committed rows registered are started —
 * with the same isolation as an import's: a case that cannot start is marked for the supervisors
 * and stops neither the others nor the startup.
 */
@Component
@Order(5)
class ImportRecovery implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);
  private final ImportBatchRepository imports;
  private final PathwayStarts starts;
  private final ReviewStarts reviews;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ImportRecovery(
      ImportBatchRepository imports,
      PathwayStarts starts,
      ReviewStarts reviews,
      PlatformTransactionManager transactions,
      Optional<Clock> clock) {
    this.imports = imports;
    this.starts = starts;
    this.reviews = reviews;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @Override
  public void run(ApplicationArguments args) {
    transaction.executeWithoutResult(
        tx ->
            imports
                .findByStatus(ImportStatus.RUNNING)
                .forEach(
                    b -> {
                      b.setStatus(ImportStatus.FAILED);
                      b.setPhase(null);
                      b.setFinishedAt(Instant.now(clock));
                      b.setErrorMessage(
                          "Import interrompu par un arrêt de l'application : importez de nouveau le même"
                              + " fichier pour le terminer (les lignes déjà enregistrées ne seront pas dupliquées).");
                      log.warn("Import {} was interrupted; marked failed", b.getId());
                    }));
    List<Long> reviewsNotOpened = reviews.openPending(Attempts.OutageObserver.NONE);
    if (!reviewsNotOpened.isEmpty()) {
      log.warn("{} review(s) left by an import could not open", reviewsNotOpened.size());
    }
    PathwayStarts.StartReport started = starts.startPending(n -> {}, Attempts.OutageObserver.NONE);
    if (started.started() > 0 || !started.failed().isEmpty()) {
      log.info(
          "Started {} pending pathways left by an interrupted import; {} could not start",
          started.started(),
          started.failed().size());
    }
  }
}
