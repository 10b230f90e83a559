package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportStatus;
import fr.raccroche.detection.internal.ChunkWriters.Rejection;
import fr.raccroche.pathway.PathwayStarts;
import fr.raccroche.shared.Attempts;
import fr.raccroche.shared.BackgroundStatistics;
import fr.raccroche.shared.DatabaseKind;
import fr.raccroche.shared.PlannerStatistics;
import fr.raccroche.shared.TransientFailures;
import fr.raccroche.territory.RoutingTable;
import fr.raccroche.territory.TerritoryService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: streams and parses the file, and hands its rows to the chunk writers ({@link
 * ChunkWriters}: two threads on PostgreSQL, rows dealt out by birth date), each chunk written in a
 * transaction of its own by {@link ChunkWriter} (through the pathway's intake). Then the new
 * pathways start ({@link PathwayStarts}): a case that cannot start is marked for the supervisors,
 * listed on the report, and stops nothing. A database that goes away is waited for, and the work
 * resumes where it stood ({@link Attempts}); the report counts the interruptions. Logs carry counts
 * and line numbers only, never a name.
 */
@Component
public class ImportProcessor {
  private static final Logger log = LoggerFactory.getLogger(ImportProcessor.class);

  /** Rows written before the first refresh of the planner's statistics; then every ×4. */
  static final long FIRST_STATISTICS_REFRESH = 2_000;

  private final ImportBatchRepository imports;
  private final SourceListingRepository listings;
  private final ChunkWriter chunks;
  private final ReviewStarts reviewStarts;
  private final PathwayStarts starts;
  private final TerritoryService territory;
  private final TransactionTemplate transaction;
  private final Attempts attempts;
  private final Clock clock;
  private final int chunkWriters;
  private final int chunkRows;
  private final PlannerStatistics statistics;
  private final ListReading reading;

  ImportProcessor(
      ImportBatchRepository imports,
      SourceListingRepository listings,
      ChunkWriter chunks,
      ReviewStarts reviewStarts,
      PathwayStarts starts,
      TerritoryService territory,
      PlatformTransactionManager transactions,
      Attempts attempts,
      @Value("${raccroche.detection.chunk-writers:0}") int chunkWriters,
      @Value("${raccroche.detection.chunk-rows:500}") int chunkRows,
      DatabaseKind database,
      PlannerStatistics statistics,
      ListReading reading,
      Optional<Clock> clock) {
    this.reading = reading;
    this.statistics = statistics;
    this.chunkRows = Math.max(1, chunkRows);
    // 0: two on PostgreSQL (one chunk's matching overlaps another's writes), one on H2.
    this.chunkWriters = chunkWriters > 0 ? chunkWriters : database.postgres() ? 2 : 1;
    this.imports = imports;
    this.listings = listings;
    this.chunks = chunks;
    this.reviewStarts = reviewStarts;
    this.starts = starts;
    this.territory = territory;
    this.attempts = attempts;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** Runs the import to its end; never throws (a failure is recorded on the import). */
  public void run(long importId, Path file) {
    Outages outages = new Outages(importId);
    ImportBatchEntity batch =
        attempts.run(
            "Import record",
            TransientFailures::lockConflict,
            outages,
            () -> imports.findById(importId).orElseThrow());
    RoutingTable routing =
        attempts.run(
            "Routing table",
            TransientFailures::lockConflict,
            outages,
            () -> territory.routingTable(batch.getDepartement()));
    ImportCounts counts = new ImportCounts();
    try (ListReading.Opened opened =
            reading.open(
                file,
                batch.getSheetName(),
                batch.getSource(),
                batch.getKind(),
                LocalDate.now(clock),
                routing);
        // As the chunks are written, not as the rows are read: the reader runs thousands of rows
        // ahead of the writers.
        BackgroundStatistics statisticsAsWritten =
            new BackgroundStatistics(
                "raccroche-planner-statistics", this::refreshStatistics, FIRST_STATISTICS_REFRESH);
        ChunkWriters writers =
            new ChunkWriters(
                "raccroche-import-" + importId,
                chunkWriters,
                chunkRows,
                chunk ->
                    statisticsAsWritten.progress(
                        counts.add(chunks.write(batch, chunk, routing, outages))))) {
      ListFile csv = opened.file();
      LeaverRowParser parser = opened.parser();
      List<String> headerWarnings = new ArrayList<>(csv.notes());
      headerWarnings.addAll(parser.warnings());
      addWarnings(importId, headerWarnings, outages);
      long read = 0;
      ListRecord record;
      while ((record = csv.next()) != null) {
        read++;
        if (record.error() != null) {
          writers.reject(
              new Rejection(record.line(), "REJECTED", record.error(), record.raw()),
              csv.bytesRead());
        } else {
          ParsedRow parsed = parser.parse(record);
          switch (parsed.outcome()) {
            case VALID -> writers.add(parsed, csv.bytesRead());
            case REJECTED ->
                writers.reject(
                    new Rejection(record.line(), "REJECTED", parsed.reason(), record.raw()),
                    csv.bytesRead());
            case EXCLUDED ->
                // Out of scope: never stored, not even the raw line.
                writers.reject(
                    new Rejection(record.line(), "EXCLUDED", parsed.reason(), null),
                    csv.bytesRead());
          }
        }
      }
      writers.finish(csv.bytesRead());
      List<String> reviewWarnings = new ArrayList<>(parser.rowWarnings());
      if (counts.duplicatesToReview > 0) {
        reviewWarnings.add(
            counts.duplicatesToReview
                + " doublon(s) possible(s) à examiner par les coordonnateurs dans Tasklist.");
      }
      if (counts.perimetersToAssign > 0) {
        reviewWarnings.add(
            counts.perimetersToAssign
                + " jeune(s) sans périmètre : à affecter par les superviseurs dans Tasklist.");
      }
      if (counts.rowsFailed > 0) {
        reviewWarnings.add(
            counts.rowsFailed
                + " ligne(s) non enregistrée(s) sur une erreur interne : voir les lignes rejetées.");
      }
      addWarnings(importId, reviewWarnings, outages);
      if (read >= FIRST_STATISTICS_REFRESH) {
        refreshStatistics(); // the pathway starts read the cases just stored
      }
      List<Long> reviewsNotOpened = reviewStarts.openPending(outages);
      if (!reviewsNotOpened.isEmpty()) {
        addWarnings(
            importId,
            List.of(
                reviewsNotOpened.size()
                    + " revue(s) (doublon possible, périmètre à affecter) n'ont pas pu s'ouvrir :"
                    + " à signaler à l'exploitant."),
            outages);
      }
      PathwayStarts.StartReport started = startPathways(importId, outages);
      List<String> failedHere = recordStartFailures(importId, started.failed(), outages);
      if (!failedHere.isEmpty()) {
        addWarnings(
            importId,
            List.of(
                failedHere.size()
                    + " parcours n'ont pas pu démarrer (démarrage en échec) : les superviseurs les"
                    + " voient dans la liste des démarrages en échec et dans Cockpit, et les"
                    + " relancent une fois la cause corrigée."),
            outages);
      }
      finish(importId, ImportStatus.COMPLETED, null, outages);
      log.info(
          "Import {} completed: {}, {} pathway start(s) failed",
          importId,
          counts,
          started.failed().size());
    } catch (UnreadableFileException e) {
      finish(importId, ImportStatus.FAILED, e.getMessage(), outages);
    } catch (Exception e) {
      log.error(
          "Import {} failed after {} rows: {}",
          importId,
          counts.read,
          TransientFailures.describe(e));
      finish(
          importId,
          ImportStatus.FAILED,
          TransientFailures.databaseUnavailable(e)
              ? "La base de données est restée indisponible trop longtemps : l'import s'est arrêté."
                  + " Les lignes déjà traitées sont enregistrées ; relancez l'import du même fichier"
                  + " pour le terminer."
              : "L'import s'est arrêté sur une erreur interne. Les lignes déjà traitées sont"
                  + " enregistrées ; relancez l'import du même fichier pour le terminer.",
          outages);
    }
  }

  /** Records each database outage on the import (once the database is back). */
  private final class Outages implements Attempts.OutageObserver {
    private final long importId;

    Outages(long importId) {
      this.importId = importId;
    }

    @Override
    public void databaseBack(Duration downtime) {
      // Runs on the thread that waited, outside any transaction; the database is back.
      attempts.run(
          "Import interruption record",
          TransientFailures::lockConflict,
          Attempts.OutageObserver.NONE,
          () ->
              transaction.execute(
                  tx ->
                      imports.addInterruption(
                          importId, Math.max(1, Math.round(downtime.toMillis() / 1000.0)))));
    }
  }

  private void addWarnings(long importId, List<String> warnings, Attempts.OutageObserver o) {
    if (warnings.isEmpty()) {
      return;
    }
    attempts.run(
        "Import warnings",
        TransientFailures::lockConflict,
        o,
        () ->
            transaction.execute(
                tx -> {
                  ImportBatchEntity b = imports.findById(importId).orElseThrow();
                  String all =
                      (b.getWarnings() == null ? "" : b.getWarnings() + "\n")
                          + String.join("\n", warnings);
                  b.setWarnings(all.length() > 4000 ? all.substring(0, 3990) + "\n…" : all);
                  return null;
                }));
  }

  private void finish(
      long importId, ImportStatus status, String error, Attempts.OutageObserver outages) {
    attempts.run(
        "Import end",
        TransientFailures::lockConflict,
        outages,
        () ->
            transaction.execute(
                tx -> {
                  ImportBatchEntity b = imports.findById(importId).orElseThrow();
                  b.setStatus(status);
                  b.setPhase(null);
                  b.setErrorMessage(error);
                  b.setFinishedAt(Instant.now(clock));
                  return null;
                }));
  }

  private PathwayStarts.StartReport startPathways(long importId, Attempts.OutageObserver outages) {
    attempts.run(
        "Import phase",
        TransientFailures::lockConflict,
        outages,
        () ->
            transaction.execute(
                tx -> {
                  ImportBatchEntity b = imports.findById(importId).orElseThrow();
                  b.setPhase("PATHWAYS");
                  b.setPathwaysStartedAt(Instant.now(clock));
                  return null;
                }));
    return starts.startPending(
        n ->
            attempts.run(
                "Import progress",
                TransientFailures::lockConflict,
                outages,
                () ->
                    transaction.execute(
                        tx -> {
                          imports
                              .findById(importId)
                              .ifPresent(
                                  b ->
                                      b.setPathwaysStarted(
                                          Math.min(
                                              b.getPathwaysToStart(), b.getPathwaysStarted() + n)));
                          return null;
                        })),
        outages);
  }

  /** The failed cases that this import listed, recorded on the import (its report lists them). */
  private List<String> recordStartFailures(
      long importId, List<String> failed, Attempts.OutageObserver outages) {
    if (failed.isEmpty()) {
      return List.of();
    }
    return attempts.run(
        "Import start failures",
        TransientFailures::lockConflict,
        outages,
        () ->
            transaction.execute(
                tx -> {
                  List<String> ours = listings.casesOfImport(importId, failed);
                  Set<String> known = new HashSet<>(imports.startFailures(importId));
                  for (String caseNumber : ours) {
                    if (known.add(caseNumber)) {
                      imports.startFailed(importId, caseNumber);
                    }
                  }
                  return ours;
                }));
  }

  private void refreshStatistics() {
    try {
      statistics.refresh();
    } catch (RuntimeException e) {
      log.warn("Planner statistics not refreshed: {}", e.toString());
    }
  }
}
