package fr.raccroche.detection;

import fr.raccroche.detection.internal.CsvFile;
import fr.raccroche.detection.internal.ImportBatchEntity;
import fr.raccroche.detection.internal.ImportBatchRepository;
import fr.raccroche.detection.internal.ImportProcessor;
import fr.raccroche.detection.internal.ImportRejectionEntity;
import fr.raccroche.detection.internal.ImportRejectionRepository;
import fr.raccroche.detection.internal.LeaverRowParser;
import fr.raccroche.detection.internal.UnreadableFileException;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.TerritoryService;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a leaver list: checks the file can be read at all (else refuses it whole, writing
 * nothing), records the import, then processes it — in the background for the API and the page (one
 * import at a time, in arrival order), or before answering.
 */
@Service
public class ImportService {
  private static final Logger log = LoggerFactory.getLogger(ImportService.class);
  private static final int REPORT_REJECTIONS = 200;

  private final ImportBatchRepository imports;
  private final ImportRejectionRepository rejections;
  private final ImportProcessor processor;
  private final TerritoryService territory;
  private final Clock clock;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "raccroche-import");
            t.setDaemon(true);
            return t;
          });

  private final fr.raccroche.pathway.PathwayStarts starts;

  ImportService(
      ImportBatchRepository imports,
      ImportRejectionRepository rejections,
      ImportProcessor processor,
      TerritoryService territory,
      fr.raccroche.pathway.PathwayStarts starts,
      Optional<Clock> clock) {
    this.starts = starts;
    this.imports = imports;
    this.rejections = rejections;
    this.processor = processor;
    this.territory = territory;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /**
   * Starts an import of an uploaded file. The upload is copied to a temporary file first (the
   * request's stream ends with the request). With {@code wait}, answers once it is over.
   */
  public ImportReport submit(
      InputStream upload,
      String fileName,
      LeaverSource source,
      ImportKind kind,
      String partnerCode,
      String user,
      boolean wait) {
    if (source == null) {
      throw new InvalidInputException(
          "source", "La source est obligatoire : " + Arrays.toString(LeaverSource.values()) + ".");
    }
    ImportKind k = kind == null ? ImportKind.LEAVERS : kind;
    if (k == ImportKind.FOLLOWED && (partnerCode == null || partnerCode.isBlank())) {
      throw new InvalidInputException(
          "partner",
          "Pour une liste de jeunes déjà suivis, indiquez le partenaire qui les suit (paramètre « partner »).");
    }
    if (partnerCode != null && !partnerCode.isBlank() && !territory.partnerExists(partnerCode)) {
      throw new InvalidInputException("partner", "Partenaire inconnu : " + partnerCode + ".");
    }
    Path file;
    String sha256;
    try {
      file = Files.createTempFile("raccroche-import-", ".csv");
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(upload, digest);
          OutputStream out = Files.newOutputStream(file)) {
        in.transferTo(out);
      }
      sha256 = HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try {
      checkReadable(file, k);
    } catch (UnreadableFileException e) {
      delete(file);
      throw new InvalidInputException("file", e.getMessage());
    } catch (IOException e) {
      delete(file);
      throw new InvalidInputException("file", "Le fichier est illisible.");
    }
    long id = create(source, k, partnerCode, fileName, sha256, size(file), user);
    log.info("Import {} accepted ({} {}, {} bytes)", id, source, k, size(file));
    Runnable job =
        () -> {
          try {
            processor.run(id, file);
          } finally {
            delete(file);
          }
        };
    if (wait) {
      job.run();
    } else {
      background.submit(job);
    }
    return report(id);
  }

  private static void checkReadable(Path file, ImportKind kind)
      throws IOException, UnreadableFileException {
    try (CsvFile csv = CsvFile.open(file)) {
      new LeaverRowParser(csv.header(), kind, LocalDate.now());
      if (csv.next() == null) {
        throw new UnreadableFileException(
            "Le fichier ne contient que la ligne d'en-tête : aucune ligne à importer.");
      }
    }
  }

  private long create(
      LeaverSource source,
      ImportKind kind,
      String partner,
      String fileName,
      String sha256,
      long bytes,
      String user) {
    ImportBatchEntity b = new ImportBatchEntity();
    b.setSource(source);
    b.setKind(kind);
    b.setPartnerCode(partner == null || partner.isBlank() ? null : partner);
    b.setFileName(
        fileName == null || fileName.isBlank()
            ? "fichier.csv"
            : fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
    b.setFileSha256(sha256);
    b.setFileBytes(bytes);
    b.setStatus(ImportStatus.RUNNING);
    b.setPhase("ROWS");
    b.setCreatedBy(user);
    b.setStartedAt(Instant.now(clock));
    return imports.save(b).getId();
  }

  @Transactional(readOnly = true)
  public ImportReport report(long id) {
    ImportBatchEntity b =
        imports
            .findById(id)
            .orElseThrow(() -> new NotFoundException("Import inconnu : " + id + "."));
    List<ImportReport.Rejection> lines =
        rejections
            .findByImportIdOrderByLineNumber(id, PageRequest.of(0, REPORT_REJECTIONS))
            .stream()
            .map(r -> new ImportReport.Rejection(r.getLineNumber(), r.getOutcome(), r.getReason()))
            .toList();
    return toReport(b, lines);
  }

  @Transactional(readOnly = true)
  public List<ImportReport> history() {
    return imports.findTop50ByOrderByIdDesc().stream().map(b -> toReport(b, List.of())).toList();
  }

  /**
   * Writes the rejected and excluded lines as CSV (semicolon, UTF-8 with BOM): line, outcome,
   * reason, original line. Values that a spreadsheet would run as a formula are neutralised.
   */
  @Transactional(readOnly = true)
  public void writeRejections(long id, Writer out) throws IOException {
    imports.findById(id).orElseThrow(() -> new NotFoundException("Import inconnu : " + id + "."));
    out.write('\uFEFF');
    out.write("ligne;resultat;motif;ligne_d_origine\r\n");
    try (Stream<ImportRejectionEntity> stream = rejections.streamByImportIdOrderByLineNumber(id)) {
      for (ImportRejectionEntity r : (Iterable<ImportRejectionEntity>) stream::iterator) {
        out.write(
            r.getLineNumber()
                + ";"
                + CsvOutput.cell("EXCLUDED".equals(r.getOutcome()) ? "exclue" : "rejetée")
                + ";"
                + CsvOutput.cell(r.getReason())
                + ";"
                + CsvOutput.cell(r.getRawLine())
                + "\r\n");
      }
    }
  }

  private ImportReport toReport(ImportBatchEntity b, List<ImportReport.Rejection> lines) {
    long total = Math.max(1, b.getFileBytes());
    Instant end = b.getFinishedAt() == null ? Instant.now(clock) : b.getFinishedAt();
    double seconds = Math.max(0.001, Duration.between(b.getStartedAt(), end).toMillis() / 1000.0);
    double rate = b.getRowsRead() / seconds;
    int percent;
    Long left = null;
    if (b.getStatus() == ImportStatus.COMPLETED) {
      percent = 100;
    } else if ("PATHWAYS".equals(b.getPhase())) {
      // Second phase: the rows are in, the pathways start (the slower part of a big import).
      long toStart = Math.max(1, b.getPathwaysToStart());
      percent = (int) Math.min(99, b.getPathwaysStarted() * 100 / toStart);
      if (b.getPathwaysStarted() > 0 && b.getPathwaysStartedAt() != null) {
        double pathwaySeconds =
            Math.max(
                0.001,
                Duration.between(b.getPathwaysStartedAt(), Instant.now(clock)).toMillis() / 1000.0);
        left =
            (long) (pathwaySeconds * (toStart - b.getPathwaysStarted()) / b.getPathwaysStarted());
      }
    } else {
      percent = (int) Math.min(99, b.getBytesDone() * 100 / total);
      if (b.getStatus() == ImportStatus.RUNNING && b.getBytesDone() > 0) {
        left = (long) (seconds * (total - b.getBytesDone()) / b.getBytesDone());
      }
    }
    List<String> warnings =
        b.getWarnings() == null || b.getWarnings().isBlank()
            ? List.of()
            : List.of(b.getWarnings().split("\n"));
    return new ImportReport(
        b.getId(),
        b.getSource(),
        b.getSource().label(),
        b.getKind(),
        b.getPartnerCode(),
        b.getFileName(),
        b.getStatus(),
        b.getStatus().label(),
        b.getStatus() == ImportStatus.RUNNING ? b.getPhase() : null,
        phaseLabel(b),
        b.getRowsRead(),
        b.getRowsCreated(),
        b.getRowsMerged(),
        b.getRowsUpdated(),
        b.getRowsUnchanged(),
        b.getRowsRejected(),
        b.getRowsExcluded(),
        warnings,
        lines,
        new ImportReport.Progress(
            b.getBytesDone(),
            b.getFileBytes(),
            percent,
            b.getPathwaysToStart(),
            b.getPathwaysStarted(),
            Math.round(rate * 10) / 10.0,
            left),
        b.getErrorMessage(),
        b.getCreatedBy(),
        b.getStartedAt(),
        b.getFinishedAt(),
        b.getInterruptions(),
        b.getInterruptedSeconds(),
        startFailures(b.getId()));
  }

  private List<ImportReport.StartFailure> startFailures(long importId) {
    List<String> failed = imports.startFailures(importId);
    if (failed.isEmpty()) {
      return List.of();
    }
    var current = starts.failuresAmong(failed);
    return failed.stream()
        .map(
            n ->
                current.containsKey(n)
                    ? new ImportReport.StartFailure(n, current.get(n).reason(), false)
                    : new ImportReport.StartFailure(n, null, true))
        .toList();
  }

  private static String phaseLabel(ImportBatchEntity b) {
    if (b.getStatus() != ImportStatus.RUNNING) {
      return null;
    }
    return "PATHWAYS".equals(b.getPhase()) ? "Démarrage des parcours" : "Lecture des lignes";
  }

  @PreDestroy
  void stop() {
    background.shutdownNow();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete temporary import file {}", file.getFileName());
    }
  }
}
