package fr.raccroche.detection;

import fr.raccroche.pathway.LeaverSource;
import java.time.Instant;
import java.util.List;

/**
 * An import's report (the JSON of {@code /api/imports/{id}} and the page): its counts add up to the
 * rows read ({@code created + merged + updated + unchanged + rejected + excluded}); {@code columns}
 * says how each header of the file was understood, and which were ignored; the database outages it
 * waited through ({@code interruptions}, {@code interruptedSeconds}); the cases whose pathway could
 * not start ({@code startFailures}).
 */
public record ImportReport(
    long id,
    LeaverSource source,
    String sourceLabel,
    ImportKind kind,
    String partnerCode,
    String fileName,
    String fileFormat,
    String sheet,
    ImportStatus status,
    String statusLabel,
    String phase,
    String phaseLabel,
    long rowsRead,
    long created,
    long merged,
    long updated,
    long unchanged,
    long rejected,
    long excluded,
    List<String> warnings,
    List<HeaderColumn> columns,
    List<Rejection> rejections,
    Progress progress,
    String error,
    String createdBy,
    Instant startedAt,
    Instant finishedAt,
    int interruptions,
    long interruptedSeconds,
    List<StartFailure> startFailures) {

  /**
   * A case of the import whose pathway could not start ("démarrage en échec"): its current reason,
   * or {@code started} once a supervisor's retry started it.
   */
  public record StartFailure(String caseNumber, String reason, boolean started) {}

  /** A line that was not taken, with its French reason. */
  public record Rejection(long line, String outcome, String reason) {}

  /** How far a running import is: bytes of the file, pathways started, rate, time left. */
  public record Progress(
      long bytesDone,
      long bytesTotal,
      int percent,
      long pathwaysToStart,
      long pathwaysStarted,
      double rowsPerSecond,
      Long secondsLeft) {}
}
