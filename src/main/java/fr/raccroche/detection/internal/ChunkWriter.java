package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.detection.internal.ChunkWriters.Chunk;
import fr.raccroche.detection.internal.ChunkWriters.Rejection;
import fr.raccroche.pathway.Admission;
import fr.raccroche.pathway.Admitted;
import fr.raccroche.pathway.CaseIntake;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.shared.Attempts;
import fr.raccroche.shared.BulkInserts;
import fr.raccroche.shared.TransientFailures;
import fr.raccroche.territory.RoutingTable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one chunk of an import in its own transaction: its rejections, then its new rows handed to
 * the pathway's intake ({@link CaseIntake#admit}), their listings and the reviews the intake asks
 * for, and the chunk's counts added to the import. A chunk that fails for its data runs again row
 * by row; a row that still fails is rejected with its line. Lock conflicts run again, a lost
 * database is waited for ({@link Attempts}), and a chunk records that it is done ({@code
 * import_chunk}) so that a commit cut by an outage is not counted twice.
 */
@Component
class ChunkWriter {
  private static final Logger log = LoggerFactory.getLogger(ChunkWriter.class);

  private final ImportBatchRepository imports;
  private final SourceListingRepository listings;
  private final CaseIntake intake;
  private final TransactionTemplate transaction;
  private final Attempts attempts;
  private final EntityManager entityManager;
  private final BulkInserts bulk;
  private final Clock clock;

  ChunkWriter(
      ImportBatchRepository imports,
      SourceListingRepository listings,
      CaseIntake intake,
      PlatformTransactionManager transactions,
      Attempts attempts,
      EntityManager entityManager,
      BulkInserts bulk,
      Optional<Clock> clock) {
    this.imports = imports;
    this.listings = listings;
    this.intake = intake;
    this.transaction = new TransactionTemplate(transactions);
    this.attempts = attempts;
    this.entityManager = entityManager;
    this.bulk = bulk;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /**
   * One chunk in its own transaction: all or nothing. Should the database refuse it for a conflict
   * with another writer's chunk (a deadlock, or the same new INE written by both), it runs again; a
   * lost database is waited for. A chunk that fails for another reason (its data) is written again
   * row by row, so that one bad row never stops the others.
   */
  ImportCounts write(
      ImportBatchEntity batch, Chunk chunk, RoutingTable routing, Attempts.OutageObserver o) {
    try {
      return writePart(batch, "C", chunk, routing, o);
    } catch (RuntimeException e) {
      if (TransientFailures.databaseUnavailable(e)) {
        throw e;
      }
      log.warn(
          "Import {}: a chunk of {} rows failed ({}); writing its rows one by one",
          batch.getId(),
          chunk.rows().size(),
          TransientFailures.describe(e));
    }
    ImportCounts all =
        chunk.rejected().isEmpty()
            ? new ImportCounts()
            : writePart(batch, "J", new Chunk(List.of(), chunk.rejected(), 0), routing, o);
    for (ParsedRow row : chunk.rows()) {
      Chunk one = new Chunk(List.of(row), List.of(), 0);
      try {
        all.add(writePart(batch, "R", one, routing, o));
      } catch (RuntimeException e) {
        if (TransientFailures.databaseUnavailable(e)) {
          throw e;
        }
        log.warn(
            "Import {}: line {} not stored ({})",
            batch.getId(),
            row.row().line(),
            TransientFailures.describe(e));
        Rejection failed =
            new Rejection(
                row.row().line(),
                "REJECTED",
                "Ligne non enregistrée : erreur interne ("
                    + e.getClass().getSimpleName()
                    + "). Signalez-la avec le numéro de l'import.",
                null);
        ImportCounts rejected =
            writePart(batch, "R", new Chunk(List.of(), List.of(failed), 0), routing, o);
        rejected.rowsFailed++;
        all.add(rejected);
      }
    }
    // The bytes done of the whole chunk, once.
    attempts.run(
        "Import progress",
        TransientFailures::lockConflict,
        o,
        () ->
            transaction.execute(
                tx -> imports.addChunk(batch.getId(), 0, 0, 0, 0, 0, 0, 0, 0, chunk.bytesDone())));
    return all;
  }

  /** A part of a chunk ({@code C} whole, {@code R} a row, {@code J} its rejections), once. */
  private ImportCounts writePart(
      ImportBatchEntity batch,
      String part,
      Chunk chunk,
      RoutingTable routing,
      Attempts.OutageObserver o) {
    long firstLine = firstLine(chunk);
    return attempts.run(
        "Import chunk",
        e -> TransientFailures.lockConflict(e) || TransientFailures.uniqueViolation(e),
        o,
        () -> {
          ImportCounts delta = new ImportCounts();
          transaction.executeWithoutResult(
              tx -> {
                if (imports.chunkDone(batch.getId(), firstLine, part) > 0) {
                  return; // committed before a lost connection hid it: counted already
                }
                delta.read = chunk.rows().size() + chunk.rejected().size();
                // Queries of a chunk never need its own unsaved rows: no flush before each of them.
                entityManager.setFlushMode(FlushModeType.COMMIT);
                // The chunk's new rows go out with COPY at the flushes, and before the commit.
                bulk.open();
                for (Rejection r : chunk.rejected()) {
                  bulk.add(rejection(batch.getId(), r.line(), r.outcome(), r.reason(), r.raw()));
                  if ("EXCLUDED".equals(r.outcome())) {
                    delta.excluded++;
                  } else {
                    delta.rejected++;
                  }
                }
                process(batch, chunk.rows(), delta, routing);
                bulk.flush();
                imports.chunkWritten(batch.getId(), firstLine, part);
                imports.addChunk(
                    batch.getId(),
                    delta.read,
                    delta.created,
                    delta.merged,
                    delta.updated,
                    delta.unchanged,
                    delta.rejected,
                    delta.excluded,
                    delta.casesRegistered,
                    "C".equals(part) ? chunk.bytesDone() : 0);
              });
          return delta;
        });
  }

  private static long firstLine(Chunk chunk) {
    long first = Long.MAX_VALUE;
    for (ParsedRow r : chunk.rows()) {
      first = Math.min(first, r.row().line());
    }
    for (Rejection r : chunk.rejected()) {
      first = Math.min(first, r.line());
    }
    return first;
  }

  /** Hands one chunk's new rows to the intake and records what it did (chunk's transaction). */
  private void process(
      ImportBatchEntity batch, List<ParsedRow> chunk, ImportCounts delta, RoutingTable routing) {
    if (chunk.isEmpty()) {
      return;
    }
    LeaverSource source = batch.getSource();
    Set<String> hashes = new HashSet<>();
    chunk.forEach(p -> hashes.add(p.row().rowHash()));
    Set<String> known = new HashSet<>(listings.findKnownHashes(source, hashes));
    List<LeaverRow> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ParsedRow p : chunk) {
      String hash = p.row().rowHash();
      if (known.contains(hash) || !seen.add(hash)) {
        delta.unchanged++; // already known from this source, or twice in the file
      } else {
        rows.add(p.row());
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    String followedBy = batch.getKind() == ImportKind.FOLLOWED ? batch.getPartnerCode() : null;
    Admission.Kind kind =
        switch (batch.getKind()) {
          case LEAVERS -> Admission.Kind.LEAVER;
          case FOLLOWED -> Admission.Kind.FOLLOWED;
          case ENROLLED -> Admission.Kind.ENROLLED;
        };
    List<Admission> admissions = new ArrayList<>(rows.size());
    for (LeaverRow r : rows) {
      admissions.add(
          new Admission(
              LeaverRows.newCase(LeaverRows.pending(r, source, followedBy), LeaverRows.details(r)),
              kind,
              r.entryDate()));
    }
    List<Admitted> admitted = intake.admit(admissions, routing);
    for (int i = 0; i < rows.size(); i++) {
      record(batch, rows.get(i), admitted.get(i), delta, followedBy);
    }
  }

  private void record(
      ImportBatchEntity batch, LeaverRow row, Admitted a, ImportCounts delta, String followedBy) {
    switch (a.outcome()) {
      case EXCLUDED -> {
        delta.excluded++;
        bulk.add(
            rejection(
                batch.getId(),
                row.line(),
                "EXCLUDED",
                "Jeune inscrit en formation, sans dossier ouvert : rien n'est enregistré.",
                null));
        return;
      }
      case CREATED -> delta.created++;
      case MERGED -> delta.merged++;
      case UPDATED -> delta.updated++;
    }
    if (a.caseRegistered()) {
      delta.casesRegistered++;
    }
    // The review opens after the rows phase (ReviewStarts): no engine work in the chunk.
    switch (a.review()) {
      case POSSIBLE_DUPLICATE -> {
        bulk.add(
            new PendingReviewEntity(
                batch.getId(),
                PendingReviewEntity.Kind.DUPLICATE,
                a.personId(),
                a.candidatePersonId(),
                a.perimeterCode(),
                LeaverRows.pending(row, batch.getSource(), followedBy),
                Instant.now(clock)));
        delta.duplicatesToReview++;
      }
      case ASSIGN_PERIMETER -> {
        bulk.add(
            new PendingReviewEntity(
                batch.getId(),
                PendingReviewEntity.Kind.PERIMETER,
                a.personId(),
                null,
                null,
                LeaverRows.pending(row, batch.getSource(), followedBy),
                Instant.now(clock)));
        delta.perimetersToAssign++;
      }
      case NONE -> {}
    }
    listing(batch, row, a.personId(), a.caseNumber());
  }

  private void listing(ImportBatchEntity batch, LeaverRow row, long personId, String caseNumber) {
    SourceListingEntity l = new SourceListingEntity();
    l.setPersonId(personId);
    l.setCaseNumber(caseNumber);
    l.setSource(batch.getSource());
    l.setKind(batch.getKind());
    l.setImportId(batch.getId());
    l.setFileName(batch.getFileName());
    l.setLineNumber(row.line());
    l.setRowHash(row.rowHash());
    l.setUai(row.uai());
    l.setLeavingDate(row.leavingDate());
    l.setRecordedAt(Instant.now(clock));
    bulk.add(l);
  }

  static ImportRejectionEntity rejection(
      long importId, long line, String outcome, String reason, String raw) {
    ImportRejectionEntity r = new ImportRejectionEntity();
    r.setImportId(importId);
    r.setLineNumber(line);
    r.setOutcome(outcome);
    r.setReason(reason.length() > 300 ? reason.substring(0, 300) : reason);
    r.setRawLine(raw == null ? null : raw.length() > 4000 ? raw.substring(0, 4000) : raw);
    return r;
  }
}
