package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.detection.ImportStatus;
import fr.raccroche.detection.internal.ChunkWriters.Chunk;
import fr.raccroche.detection.internal.ChunkWriters.Rejection;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseService;
import fr.raccroche.pathway.CaseService.CaseRef;
import fr.raccroche.pathway.CaseService.CaseToRegister;
import fr.raccroche.pathway.ClosureReason;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.Names;
import fr.raccroche.pathway.NewCase;
import fr.raccroche.pathway.PersonDetails;
import fr.raccroche.pathway.PersonDirectory;
import fr.raccroche.pathway.PersonDirectory.PersonRef;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.shared.BulkInserts;
import fr.raccroche.shared.DatabaseKind;
import fr.raccroche.shared.PlannerStatistics;
import fr.raccroche.territory.Routing;
import fr.raccroche.territory.RoutingTable;
import fr.raccroche.territory.TerritoryService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: streams and parses the file, and hands its rows to the chunk writers ({@link
 * ChunkWriters}: two threads on PostgreSQL, rows dealt out by birth date). For each chunk, in one
 * transaction, a writer stores the rejections, skips the rows already known from the same source,
 * matches the others (INE, then folded names + birth date; near matches go to a review), registers
 * people, listings and cases (written with {@code COPY} through {@link BulkInserts}), and adds the
 * chunk's counts to the import. Then starts the new pathways in batches. A chunk is all or nothing:
 * an import killed midway can be run again and ends with exactly the rows of the file.
 *
 * <p>Logs carry counts and line numbers only, never a name.
 */
@Component
public class ImportProcessor {
  private static final Logger log = LoggerFactory.getLogger(ImportProcessor.class);
  static final int PATHWAYS_PER_TRANSACTION = 50;
  private static final int PENDING_PAGE = 2_000;
  private static final int NEAR_MATCH_DISTANCE = 2;

  /** Rows written before the first refresh of the planner's statistics; then every ×4. */
  static final long FIRST_STATISTICS_REFRESH = 2_000;

  private final ImportBatchRepository imports;
  private final SourceListingRepository listings;
  private final PersonDirectory directory;
  private final CaseService cases;
  private final TerritoryService territory;
  private final ReviewStarter reviews;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final EntityManager entityManager;
  private final int pathwayStartThreads;
  private final int chunkWriters;
  private final int chunkRows;
  private final PlannerStatistics statistics;
  private final BulkInserts bulk;
  private final ListReading reading;

  ImportProcessor(
      ImportBatchRepository imports,
      SourceListingRepository listings,
      PersonDirectory directory,
      CaseService cases,
      TerritoryService territory,
      ReviewStarter reviews,
      PlatformTransactionManager transactions,
      EntityManager entityManager,
      @Value("${raccroche.detection.pathway-start-threads:2}") int pathwayStartThreads,
      @Value("${raccroche.detection.chunk-writers:0}") int chunkWriters,
      @Value("${raccroche.detection.chunk-rows:500}") int chunkRows,
      DatabaseKind database,
      PlannerStatistics statistics,
      BulkInserts bulk,
      ListReading reading,
      Optional<Clock> clock) {
    this.reading = reading;
    this.bulk = bulk;
    this.statistics = statistics;
    this.pathwayStartThreads = Math.max(1, pathwayStartThreads);
    this.chunkRows = Math.max(1, chunkRows);
    // 0: two on PostgreSQL (one chunk's matching overlaps another's writes), one on H2.
    this.chunkWriters = chunkWriters > 0 ? chunkWriters : database.postgres() ? 2 : 1;
    this.entityManager = entityManager;
    this.imports = imports;
    this.listings = listings;
    this.directory = directory;
    this.cases = cases;
    this.territory = territory;
    this.reviews = reviews;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** Runs the import to its end; never throws (a failure is recorded on the import). */
  public void run(long importId, Path file) {
    ImportBatchEntity batch = imports.findById(importId).orElseThrow();
    RoutingTable routing = territory.routingTable();
    Counts counts = new Counts();
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
                    statisticsAsWritten.progress(counts.add(writeChunk(batch, chunk, routing))))) {
      ListFile csv = opened.file();
      LeaverRowParser parser = opened.parser();
      List<String> headerWarnings = new ArrayList<>(csv.notes());
      headerWarnings.addAll(parser.warnings());
      addWarnings(importId, headerWarnings);
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
      addWarnings(importId, reviewWarnings);
      if (read >= FIRST_STATISTICS_REFRESH) {
        statistics.refresh(); // the pathway starts read the cases just stored
      }
      startPathways(importId);
      finish(importId, ImportStatus.COMPLETED, null);
      log.info("Import {} completed: {}", importId, counts);
    } catch (UnreadableFileException e) {
      finish(importId, ImportStatus.FAILED, e.getMessage());
    } catch (Exception e) {
      log.error("Import {} failed after {} rows", importId, counts.read, e);
      finish(
          importId,
          ImportStatus.FAILED,
          "L'import s'est arrêté sur une erreur interne. Les lignes déjà traitées sont enregistrées ; relancez l'import du même fichier pour le terminer.");
    }
  }

  private void addWarnings(long importId, List<String> warnings) {
    if (warnings.isEmpty()) {
      return;
    }
    transaction.executeWithoutResult(
        tx -> {
          ImportBatchEntity b = imports.findById(importId).orElseThrow();
          String all =
              (b.getWarnings() == null ? "" : b.getWarnings() + "\n") + String.join("\n", warnings);
          b.setWarnings(all.length() > 4000 ? all.substring(0, 3990) + "\n…" : all);
        });
  }

  private void finish(long importId, ImportStatus status, String error) {
    transaction.executeWithoutResult(
        tx -> {
          ImportBatchEntity b = imports.findById(importId).orElseThrow();
          b.setStatus(status);
          b.setPhase(null);
          b.setErrorMessage(error);
          b.setFinishedAt(Instant.now(clock));
        });
  }

  private void startPathways(long importId) {
    transaction.executeWithoutResult(
        tx -> {
          ImportBatchEntity b = imports.findById(importId).orElseThrow();
          b.setPhase("PATHWAYS");
          b.setPathwaysStartedAt(Instant.now(clock));
        });
    startPendingPathways(
        n ->
            transaction.executeWithoutResult(
                tx ->
                    imports
                        .findById(importId)
                        .ifPresent(
                            b ->
                                b.setPathwaysStarted(
                                    Math.min(
                                        b.getPathwaysToStart(), b.getPathwaysStarted() + n)))));
  }

  /**
   * Starts every pathway registered but not started yet: slices of {@link
   * #PATHWAYS_PER_TRANSACTION} cases, one transaction each, on {@code pathwayStartThreads} threads
   * (a start is engine work bound by round trips to the database: two threads on two cores start
   * nearly twice as many). {@code progress} runs on the calling thread, in no transaction, with the
   * number each slice started. Answers the total; the first failure stops the rest and is thrown.
   */
  public long startPendingPathways(java.util.function.IntConsumer progress) {
    long total = 0;
    ExecutorService workers =
        Executors.newFixedThreadPool(
            pathwayStartThreads,
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
        List<String> pending = cases.pendingStarts(PENDING_PAGE);
        if (pending.isEmpty()) {
          return total;
        }
        List<Future<Integer>> slices = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += PATHWAYS_PER_TRANSACTION) {
          List<String> slice =
              pending.subList(from, Math.min(pending.size(), from + PATHWAYS_PER_TRANSACTION));
          slices.add(workers.submit(() -> startSlice(slice)));
        }
        long startedNow = 0;
        for (Future<Integer> slice : slices) {
          int n = await(slice);
          startedNow += n;
          progress.accept(n);
        }
        total += startedNow;
        if (startedNow == 0) {
          // Everything listed was started meanwhile by someone else: look again, once.
          if (cases.pendingStarts(PENDING_PAGE).equals(pending)) {
            return total;
          }
        }
      }
    } finally {
      workers.shutdownNow();
      statisticsAsStarted.close();
    }
  }

  private void refreshStatistics() {
    try {
      statistics.refresh();
    } catch (RuntimeException e) {
      log.warn("Planner statistics not refreshed: {}", e.toString());
    }
  }

  /**
   * One slice in its own transaction. Two slices running together may meet on shared rows (the
   * indicators' counts of the same month and perimeter); should the database end a deadlock by
   * aborting one, the slice runs again — it is all or nothing, nothing of it was kept.
   */
  private int startSlice(List<String> slice) {
    Integer n =
        retrying(
            "Pathway start slice aborted by the database",
            ImportProcessor::transientLockFailure,
            () -> transaction.execute(tx -> cases.startPathways(slice)));
    return n == null ? 0 : n;
  }

  /**
   * Runs {@code attempt} (a whole transaction) up to three times while it fails with a {@code
   * retryable} error: nothing of a failed attempt was kept.
   */
  private static <T> T retrying(
      String what, Predicate<RuntimeException> retryable, Supplier<T> attempt) {
    for (int n = 1; ; n++) {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        if (n >= 3 || !retryable.test(e)) {
          throw e;
        }
        log.warn("{} (attempt {}), retrying", what, n);
      }
    }
  }

  /** A deadlock or serialization failure (SQL states 40P01, 40001), however deeply wrapped. */
  static boolean transientLockFailure(Throwable e) {
    return causedBy(
        e,
        t ->
            t instanceof org.springframework.dao.PessimisticLockingFailureException
                || t instanceof java.sql.SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())));
  }

  /** A unique constraint refused a row (SQL state 23505), however deeply wrapped. */
  static boolean uniqueViolation(Throwable e) {
    return causedBy(
        e, t -> t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()));
  }

  private static boolean causedBy(Throwable e, Predicate<Throwable> cause) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (cause.test(t)) {
        return true;
      }
    }
    return false;
  }

  private static int await(Future<Integer> slice) {
    try {
      Integer n = slice.get();
      return n == null ? 0 : n;
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

  /**
   * One chunk in its own transaction: all or nothing. Should the database refuse it for a conflict
   * with a chunk written at the same time (a deadlock, or the same INE registered by both), it runs
   * again from the start: nothing of it was kept. Answers the chunk's counts.
   */
  private Counts writeChunk(ImportBatchEntity batch, Chunk chunk, RoutingTable routing) {
    return retrying(
        "Import chunk refused by the database",
        e -> transientLockFailure(e) || uniqueViolation(e),
        () -> {
          Counts delta = new Counts();
          delta.read = chunk.rows().size() + chunk.rejected().size();
          transaction.executeWithoutResult(
              tx -> {
                // Queries of a chunk never need its own unsaved rows: no flush before each of them.
                entityManager.setFlushMode(FlushModeType.COMMIT);
                // The chunk's new rows go out with COPY at the flushes below, and before the
                // commit.
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
                    chunk.bytesDone());
              });
          return delta;
        });
  }

  /** Matches and stores one chunk of valid rows (inside the chunk's transaction). */
  private void process(
      ImportBatchEntity batch, List<ParsedRow> chunk, Counts delta, RoutingTable routing) {
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
    MatchIndex people = new MatchIndex();
    Set<String> ines = new HashSet<>();
    Set<LocalDate> births = new HashSet<>();
    for (LeaverRow r : rows) {
      if (r.ine() != null) {
        ines.add(r.ine());
      }
      births.add(r.birthDate());
    }
    directory.findByInes(ines).forEach(people::add);
    directory.findByBirthDates(births).forEach(people::add);

    // Pass 1: match every row and register the new people; then they are written, before anything
    // that refers to them.
    List<Decision> decisions = new ArrayList<>(rows.size());
    Set<Long> matchedIds = new HashSet<>();
    for (LeaverRow row : rows) {
      Decision d = decide(batch, row, people, routing);
      decisions.add(d);
      if (d.match() != null) {
        matchedIds.add(d.match().id());
      }
    }
    bulk.flush();
    // The open cases of the people matched (not of every person born on the chunk's dates).
    Map<Long, CaseRef> open = new HashMap<>(cases.openCases(matchedIds));
    // Pass 2: the new cases (each with its DETECTED milestone and facts), written before anything
    // else may refer to them.
    String followedBy = batch.getKind() == ImportKind.FOLLOWED ? batch.getPartnerCode() : null;
    List<Decision> registering = new ArrayList<>();
    List<CaseToRegister> requests = new ArrayList<>();
    Set<Long> personsRegistering = new HashSet<>();
    for (Decision d : decisions) {
      if (batch.getKind() == ImportKind.ENROLLED) {
        break;
      }
      PersonRef person = d.match() != null ? d.match() : d.created();
      boolean review = d.match() == null && d.near() != null;
      if (review
          || d.place().isEmpty()
          || open.containsKey(person.id())
          || !personsRegistering.add(person.id())) {
        continue; // the person's second row in the chunk joins the case of the first
      }
      registering.add(d);
      requests.add(
          new CaseToRegister(
              person,
              newCase(d.row(), batch.getSource(), followedBy),
              d.place().get().perimeterCode()));
    }
    List<String> caseNumbers = cases.registerCases(requests);
    Map<Decision, String> newCases = new java.util.IdentityHashMap<>();
    for (int i = 0; i < registering.size(); i++) {
      Decision d = registering.get(i);
      CaseToRegister r = requests.get(i);
      open.put(
          r.person().id(),
          new CaseRef(
              caseNumbers.get(i),
              r.person().id(),
              r.perimeterCode(),
              null,
              d.row().leavingDate(),
              null));
      newCases.put(d, caseNumbers.get(i));
      delta.casesRegistered++;
    }
    bulk.flush();
    // Pass 3: what refers to people and cases: listings, reviews, updates of open cases.
    for (Decision d : decisions) {
      handle(batch, d, open, delta, newCases.get(d));
    }
  }

  /** A row's match: a known person, a possible duplicate of one, or a newly registered person. */
  private record Decision(
      LeaverRow row, PersonRef match, PersonRef near, PersonRef created, Optional<Routing> place) {}

  private Decision decide(
      ImportBatchEntity batch, LeaverRow row, MatchIndex known, RoutingTable routing) {
    Optional<Routing> place = routing.route(row.communeCode(), row.postalCode(), row.uai());
    String nameKey = Names.key(row.lastName(), row.firstName());
    PersonRef match = row.ine() == null ? null : known.byIne.get(row.ine());
    PersonRef near = null;
    if (match == null) {
      PersonRef sameName = known.byKey.get(new MatchKey(nameKey, row.birthDate()));
      if (sameName != null && (row.ine() == null || sameName.ine() == null)) {
        match = sameName;
      } else if (sameName != null) {
        near = sameName; // same names and birth date, another INE: a human decides
      }
    }
    if (match == null && near == null) {
      near = nearMatch(nameKey, known.byBirth.getOrDefault(row.birthDate(), List.of()));
    }
    if (match != null || batch.getKind() == ImportKind.ENROLLED) {
      return new Decision(row, match, near, null, place);
    }
    PersonRef created = directory.register(details(row));
    known.add(created);
    return new Decision(row, null, near, created, place);
  }

  private void handle(
      ImportBatchEntity batch,
      Decision decision,
      Map<Long, CaseRef> open,
      Counts delta,
      String newCaseNumber) {
    LeaverRow row = decision.row();
    PersonRef match = decision.match();
    PersonRef near = decision.near();
    PersonDetails details = details(row);
    Optional<Routing> routing = decision.place();
    ImportKind kind = batch.getKind();

    if (kind == ImportKind.ENROLLED) {
      CaseRef c = match == null ? null : open.get(match.id());
      if (c == null) {
        delta.excluded++; // unknown or no open case: nothing to store about an enrolled pupil
        bulk.add(
            rejection(
                batch.getId(),
                row.line(),
                "EXCLUDED",
                "Jeune inscrit en formation, sans dossier ouvert : rien n'est enregistré.",
                null));
        return;
      }
      boolean falseDetection =
          row.entryDate() != null
              && c.leavingDate() != null
              && row.entryDate().isBefore(c.leavingDate());
      cases.closeOnEnrolment(
          c.caseNumber(),
          falseDetection ? ClosureReason.FALSE_DETECTION : ClosureReason.RETURNED_TO_TRAINING);
      open.remove(match.id());
      listing(batch, row, match.id(), c.caseNumber());
      delta.updated++;
      return;
    }

    String followedBy = kind == ImportKind.FOLLOWED ? batch.getPartnerCode() : null;
    if (match != null) {
      directory.complete(match.id(), details);
      CaseRef c = open.get(match.id());
      String caseNumber;
      if (newCaseNumber != null) {
        caseNumber = newCaseNumber; // registered in pass 2
        delta.merged++;
      } else if (c != null) {
        caseNumber = c.caseNumber();
        if (followedBy != null && cases.markFollowedBy(caseNumber, followedBy)) {
          delta.updated++;
        } else {
          delta.merged++;
        }
      } else {
        caseNumber = null;
        reviews.assignPerimeter(match.id(), pending(row, batch.getSource(), followedBy));
        delta.perimetersToAssign++;
        delta.merged++;
      }
      listing(batch, row, match.id(), caseNumber);
      return;
    }

    PersonRef created = decision.created();
    String caseNumber = null;
    if (near != null && routing.isPresent()) {
      reviews.possibleDuplicate(
          created.id(),
          near.id(),
          routing.get().perimeterCode(),
          pending(row, batch.getSource(), followedBy));
      delta.duplicatesToReview++;
    } else if (routing.isEmpty()) {
      reviews.assignPerimeter(created.id(), pending(row, batch.getSource(), followedBy));
      delta.perimetersToAssign++;
    } else {
      caseNumber = newCaseNumber; // registered in pass 2
    }
    listing(batch, row, created.id(), caseNumber);
    delta.created++;
  }

  private static PersonRef nearMatch(String key, List<PersonRef> sameBirth) {
    for (PersonRef p : sameBirth) {
      if (!p.nameKey().equals(key)
          && Similarity.distance(p.nameKey(), key, NEAR_MATCH_DISTANCE) <= NEAR_MATCH_DISTANCE) {
        return p;
      }
    }
    return null;
  }

  /**
   * The people a chunk may match, by INE, by folded names + birth date, and by birth date (for near
   * matches); each person once, the first record of an INE or key kept.
   */
  /** Folded names and birth date: one person without INE. */
  private record MatchKey(String nameKey, LocalDate birthDate) {}

  private static final class MatchIndex {
    final Map<String, PersonRef> byIne = new HashMap<>();
    final Map<MatchKey, PersonRef> byKey = new HashMap<>();
    final Map<LocalDate, List<PersonRef>> byBirth = new HashMap<>();
    private final Set<Long> ids = new HashSet<>();

    void add(PersonRef p) {
      if (!ids.add(p.id())) {
        return; // found by INE and by birth date
      }
      if (p.ine() != null) {
        byIne.putIfAbsent(p.ine(), p);
      }
      byKey.putIfAbsent(new MatchKey(p.nameKey(), p.birthDate()), p);
      byBirth.computeIfAbsent(p.birthDate(), d -> new ArrayList<>()).add(p);
    }
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

  static PersonDetails details(LeaverRow r) {
    return new PersonDetails(
        r.ine(),
        r.lastName(),
        r.firstName(),
        r.sex(),
        r.birthDate(),
        r.address(),
        r.postalCode(),
        r.communeCode(),
        r.communeName(),
        r.phone(),
        r.email(),
        r.legalGuardian(),
        r.guardianPhone());
  }

  static PendingCase pending(LeaverRow r, LeaverSource source, String followedBy) {
    return new PendingCase(
        source, followedBy, r.leavingDate(), r.leavingReason(), r.training(), r.level(), r.uai());
  }

  static NewCase newCase(LeaverRow r, LeaverSource source, String followedBy) {
    return newCase(pending(r, source, followedBy), null);
  }

  /** The case a source row (or a finished review) opens. */
  public static NewCase newCase(PendingCase p, PersonDetails person) {
    return new NewCase(
        person,
        CaseOrigin.IMPORT,
        p.source(),
        null,
        p.leavingDate(),
        p.leavingReason(),
        p.training(),
        level(p.level()),
        p.uai(),
        null,
        p.source() == LeaverSource.JUSTICE,
        p.followedByPartnerCode(),
        false);
  }

  /** The source's free-text level, read as well as can be ({@link LevelReader}). */
  static SchoolLevel level(String text) {
    return LevelReader.read(text);
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

  /** Row counts of an import (or of one chunk). */
  static final class Counts {
    long read;
    long created;
    long merged;
    long updated;
    long unchanged;
    long rejected;
    long excluded;
    long casesRegistered;
    long duplicatesToReview;
    long perimetersToAssign;

    /** Adds a chunk's counts; answers the rows read so far. */
    synchronized long add(Counts d) {
      read += d.read;
      duplicatesToReview += d.duplicatesToReview;
      perimetersToAssign += d.perimetersToAssign;
      created += d.created;
      merged += d.merged;
      updated += d.updated;
      unchanged += d.unchanged;
      rejected += d.rejected;
      excluded += d.excluded;
      casesRegistered += d.casesRegistered;
      return read;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "read=%d created=%d merged=%d updated=%d unchanged=%d rejected=%d excluded=%d",
          read,
          created,
          merged,
          updated,
          unchanged,
          rejected,
          excluded);
    }
  }
}
