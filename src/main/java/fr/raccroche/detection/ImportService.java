package fr.raccroche.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.detection.internal.ColumnAliasEntity;
import fr.raccroche.detection.internal.ColumnAliasRepository;
import fr.raccroche.detection.internal.ColumnAliases;
import fr.raccroche.detection.internal.DryRun;
import fr.raccroche.detection.internal.ImportBatchEntity;
import fr.raccroche.detection.internal.ImportBatchRepository;
import fr.raccroche.detection.internal.ImportProcessor;
import fr.raccroche.detection.internal.ImportRejectionEntity;
import fr.raccroche.detection.internal.ImportRejectionRepository;
import fr.raccroche.detection.internal.LeaverRow;
import fr.raccroche.detection.internal.LeaverRowParser.Column;
import fr.raccroche.detection.internal.ListReading;
import fr.raccroche.detection.internal.UnreadableFileException;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.security.UserDepartements;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final UserDepartements departements;
  private final ListReading reading;
  private final DryRun dryRun;
  private final ColumnAliasRepository aliases;
  private final ObjectMapper json;
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
      UserDepartements departements,
      ListReading reading,
      DryRun dryRun,
      ColumnAliasRepository aliases,
      ObjectMapper json,
      fr.raccroche.pathway.PathwayStarts starts,
      Optional<Clock> clock) {
    this.starts = starts;
    this.departements = departements;
    this.reading = reading;
    this.dryRun = dryRun;
    this.aliases = aliases;
    this.json = json;
    this.imports = imports;
    this.rejections = rejections;
    this.processor = processor;
    this.territory = territory;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** Starts an import of a CSV file or of the first sheet of a workbook. */
  public ImportReport submit(
      InputStream upload,
      String fileName,
      LeaverSource source,
      ImportKind kind,
      String partnerCode,
      String user,
      boolean wait) {
    return submit(upload, fileName, null, source, kind, partnerCode, user, wait);
  }

  /**
   * Starts an import of an uploaded file (CSV, or an Excel workbook's {@code sheet}, the first when
   * null). The upload is copied to a temporary file first (the request's stream ends with the
   * request). With {@code wait}, answers once it is over.
   */
  public ImportReport submit(
      InputStream upload,
      String fileName,
      String sheet,
      LeaverSource source,
      ImportKind kind,
      String partnerCode,
      String user,
      boolean wait) {
    ImportKind k = checkRequest(source, kind, partnerCode);
    Copy copy = copy(upload);
    Path file = copy.file();
    String sha256 = copy.sha256();
    Readable readable;
    try {
      readable = checkReadable(file, sheet, source, k, departements.homeOf(user));
    } catch (UnreadableFileException e) {
      delete(file);
      throw new InvalidInputException("file", e.getMessage());
    } catch (IOException e) {
      delete(file);
      throw new InvalidInputException("file", "Le fichier est illisible.");
    }
    long id = create(source, k, partnerCode, fileName, sha256, size(file), user, sheet, readable);
    log.info(
        "Import {} accepted ({} {}, {}, {} bytes)", id, source, k, readable.format(), size(file));
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

  /** Rows of a dry run shown as they would be stored; lines not taken listed. */
  static final int CHECK_PREVIEW_ROWS = 20;

  /**
   * Reads the whole file as an import would and reports what it would do, writing nothing (no
   * import recorded, no person, no listing): {@code dryRun=true} and the page's "Vérifier le
   * fichier".
   */
  public ImportCheck check(
      InputStream upload,
      String fileName,
      String sheet,
      LeaverSource source,
      ImportKind kind,
      String partnerCode) {
    return check(upload, fileName, sheet, source, kind, partnerCode, null);
  }

  /** The same, for the département of this user (null: the default département). */
  public ImportCheck check(
      InputStream upload,
      String fileName,
      String sheet,
      LeaverSource source,
      ImportKind kind,
      String partnerCode,
      String user) {
    String departement = departements.homeOf(user);
    ImportKind k = checkRequest(source, kind, partnerCode);
    Path file = copy(upload).file();
    try {
      var routing = territory.routingTable(departement);
      try (ListReading.Opened opened =
          reading.open(file, sheet, source, k, LocalDate.now(clock), routing)) {
        DryRun.Result r =
            dryRun.run(
                opened.file(),
                opened.parser(),
                source,
                k,
                routing,
                REPORT_REJECTIONS,
                CHECK_PREVIEW_ROWS);
        if (r.read == 0) {
          throw new InvalidInputException(
              "file", "Le fichier ne contient que la ligne d'en-tête : aucune ligne à importer.");
        }
        List<String> warnings = new ArrayList<>(opened.file().notes());
        warnings.addAll(opened.parser().warnings());
        warnings.addAll(opened.parser().rowWarnings());
        if (r.possibleDuplicates > 0) {
          warnings.add(
              r.possibleDuplicates
                  + " doublon(s) possible(s) : les coordonnateurs auront à les examiner.");
        }
        if (r.withoutPerimeter > 0) {
          warnings.add(
              r.withoutPerimeter
                  + " jeune(s) sans périmètre : les superviseurs auront à les affecter.");
        }
        return new ImportCheck(
            source,
            source.label(),
            k,
            fileName,
            opened.file().format().name(),
            opened.file().format() == fr.raccroche.detection.internal.ListFile.Format.XLSX
                ? sheetRead(opened.file().notes(), sheet)
                : null,
            r.read,
            r.created,
            r.merged,
            r.updated,
            r.unchanged,
            r.rejected,
            r.excluded,
            r.withoutPerimeter,
            r.possibleDuplicates,
            warnings,
            opened.parser().headerColumns(),
            r.notTaken.stream()
                .map(n -> new ImportReport.Rejection((Long) n[0], (String) n[1], (String) n[2]))
                .toList(),
            r.preview.stream().map(ImportService::preview).toList());
      }
    } catch (UnreadableFileException e) {
      throw new InvalidInputException("file", e.getMessage());
    } catch (IOException e) {
      throw new InvalidInputException("file", "Le fichier est illisible.");
    } finally {
      delete(file);
    }
  }

  private static String sheetRead(List<String> notes, String asked) {
    for (String n : notes) {
      if (n.startsWith("Feuille « ")) {
        return n.substring("Feuille « ".length(), n.lastIndexOf(" »"));
      }
    }
    return asked;
  }

  private static ImportCheck.PreviewRow preview(LeaverRow r) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("ine", r.ine());
    v.put("nom", r.lastName());
    v.put("prenom", r.firstName());
    v.put("sexe", r.sex());
    v.put("date_naissance", r.birthDate() == null ? null : r.birthDate().toString());
    v.put("adresse", r.address());
    v.put("code_postal", r.postalCode());
    v.put("commune", r.communeName());
    v.put("code_commune", r.communeCode());
    v.put("telephone", r.phone());
    v.put("email", r.email());
    v.put("uai", r.uai());
    v.put("etablissement", r.establishmentName());
    v.put("formation", r.training());
    v.put("niveau", r.level());
    v.put("niveau_lu", fr.raccroche.detection.internal.LevelReader.read(r.level()).label());
    v.put("date_entree", r.entryDate() == null ? null : r.entryDate().toString());
    v.put("date_sortie", r.leavingDate() == null ? null : r.leavingDate().toString());
    v.put("motif_sortie", r.leavingReason());
    v.put("diplome_obtenu", r.diploma());
    v.put("responsable_legal", r.legalGuardian());
    v.put("telephone_responsable", r.guardianPhone());
    return new ImportCheck.PreviewRow(r.line(), v);
  }

  // ---- header aliases per source

  /**
   * The headers a source's files use for the canonical columns (canonical name → headers) in the
   * person's département (each département teaches its own).
   */
  @Transactional(readOnly = true)
  public Map<String, List<String>> columnAliases(String user, LeaverSource source) {
    return columnAliasesOf(departements.homeOf(user), source);
  }

  private Map<String, List<String>> columnAliasesOf(String departement, LeaverSource source) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    reading
        .stored(departement, source)
        .forEach((column, headers) -> result.put(column.header(), headers));
    return result;
  }

  /** The built-in aliases of every column (canonical name → headers), for the page. */
  public static Map<String, List<String>> builtInColumnAliases() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (Column c : Column.values()) {
      result.put(c.header(), ColumnAliases.builtInOf(c));
    }
    return result;
  }

  /**
   * Replaces a source's header aliases in the person's département (the others keep theirs);
   * refused whole (French 400) when a column is unknown or a header already names another column.
   */
  @Transactional
  public Map<String, List<String>> defineColumnAliases(
      LeaverSource source, Map<String, List<String>> definition, String user) {
    if (source == null) {
      throw new InvalidInputException(
          "source", "La source est obligatoire : " + Arrays.toString(LeaverSource.values()) + ".");
    }
    Map<String, List<String>> given = definition == null ? Map.of() : definition;
    List<String> problems = ColumnAliases.problems(given);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("aliases", String.join(" ", problems));
    }
    String departement = departements.homeOf(user);
    aliases.deleteByDepartementAndSource(departement, source);
    aliases.flush();
    Instant now = Instant.now(clock);
    ColumnAliases.normalise(given)
        .forEach(
            (column, headers) -> {
              for (int i = 0; i < headers.size(); i++) {
                aliases.save(
                    new ColumnAliasEntity(
                        departement, source, column.header(), headers.get(i), i, user, now));
              }
            });
    aliases.flush();
    log.info("Header aliases of source {} replaced in département {}", source, departement);
    return columnAliasesOf(departement, source);
  }

  private ImportKind checkRequest(LeaverSource source, ImportKind kind, String partnerCode) {
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
    return k;
  }

  /** An upload copied to a temporary file, with its SHA-256. */
  private record Copy(Path file, String sha256) {}

  /** Copies the upload to a temporary file, hashing it. */
  private static Copy copy(InputStream upload) {
    try {
      Path file = Files.createTempFile("raccroche-import-", ".upload");
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(upload, digest);
          OutputStream out = Files.newOutputStream(file)) {
        in.transferTo(out);
      } catch (IOException e) {
        delete(file);
        throw e;
      }
      return new Copy(file, HexFormat.of().formatHex(digest.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the check at upload learnt: the format and sheet read, how the header was understood. */
  private record Readable(String format, String sheet, List<HeaderColumn> columns) {}

  private Readable checkReadable(
      Path file, String sheet, LeaverSource source, ImportKind kind, String departement)
      throws IOException, UnreadableFileException {
    try (ListReading.Opened opened =
        reading.open(
            file, sheet, source, kind, LocalDate.now(clock), territory.routingTable(departement))) {
      if (opened.file().next() == null) {
        throw new UnreadableFileException(
            "Le fichier ne contient que la ligne d'en-tête : aucune ligne à importer.");
      }
      boolean workbook =
          opened.file().format() == fr.raccroche.detection.internal.ListFile.Format.XLSX;
      return new Readable(
          opened.file().format().name(),
          workbook ? sheetRead(opened.file().notes(), sheet) : null,
          opened.parser().headerColumns());
    }
  }

  private long create(
      LeaverSource source,
      ImportKind kind,
      String partner,
      String fileName,
      String sha256,
      long bytes,
      String user,
      String sheet,
      Readable readable) {
    ImportBatchEntity b = new ImportBatchEntity();
    b.setFileFormat(readable.format());
    // The sheet read: the import reads it again by that name, and the report shows it.
    b.setSheetName(readable.sheet() == null ? null : truncate(readable.sheet(), 100));
    b.setHeaderColumns(toJson(readable.columns()));
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
    b.setDepartement(departements.homeOf(user));
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

  /**
   * A page of the imports, filtered by status and source (null: any) and by the day they started
   * (Paris time, both days included, null: no bound), in the pageable's order.
   */
  @Transactional(readOnly = true)
  public org.springframework.data.domain.Page<ImportReport> search(
      org.springframework.security.core.Authentication who,
      ImportStatus status,
      LeaverSource source,
      java.time.LocalDate from,
      java.time.LocalDate to,
      org.springframework.data.domain.Pageable page) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidInputException(
          "to", "La date de fin doit être postérieure ou égale à la date de début.");
    }
    java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
    Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(paris).toInstant();
    Instant end =
        to == null
            ? Instant.parse("9999-12-31T00:00:00Z")
            : to.plusDays(1).atStartOfDay(paris).toInstant();
    boolean every = who == null || UserDepartements.isAdministrator(who);
    return imports
        .search(every, visibleTo(who), status, source, start, end, page)
        .map(b -> toReport(b, List.of()));
  }

  @Transactional(readOnly = true)
  public List<ImportReport> history(org.springframework.security.core.Authentication who) {
    List<ImportBatchEntity> latest =
        who == null || UserDepartements.isAdministrator(who)
            ? imports.findTop50ByOrderByIdDesc()
            : imports.findTop50ByDepartementInOrderByIdDesc(visibleTo(who));
    return latest.stream().map(b -> toReport(b, List.of())).toList();
  }

  /**
   * An import another département's supervisor asks for answers as an unknown one (its rejected
   * lines name people): administrators read every département's, the others their own. Answers the
   * import's département.
   */
  @Transactional(readOnly = true)
  public String checkVisible(long id, org.springframework.security.core.Authentication who) {
    ImportBatchEntity b = imports.findById(id).orElse(null);
    if (b == null || !UserDepartements.mayRead(who, b.getDepartement())) {
      throw new NotFoundException("Import inconnu : " + id + ".");
    }
    return b.getDepartement();
  }

  private static java.util.Collection<String> visibleTo(
      org.springframework.security.core.Authentication who) {
    java.util.Set<String> codes = fr.raccroche.security.Roles.departementsOf(who);
    return codes.isEmpty() ? List.of("-") : codes;
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
    List<HeaderColumn> columns = fromJson(b.getHeaderColumns());
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
        b.getFileFormat() == null ? "CSV" : b.getFileFormat(),
        b.getSheetName(),
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
        columns,
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

  private String toJson(List<HeaderColumn> columns) {
    try {
      // At most 200 columns are read; each entry is a few hundred characters.
      String text =
          json.writeValueAsString(columns.size() > 200 ? columns.subList(0, 200) : columns);
      return text.length() > 100_000 ? null : text;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<HeaderColumn> fromJson(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(text, new TypeReference<List<HeaderColumn>>() {});
    } catch (JsonProcessingException e) {
      log.warn("Unreadable header columns of an import: {}", e.getClass().getSimpleName());
      return List.of();
    }
  }

  private static String truncate(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
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
