package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.detection.ImportStatus;
import fr.raccroche.pathway.LeaverSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One import of a source list: its counts as it goes, its status and warnings. */
@Entity
@Table(name = "import_batch")
public class ImportBatchEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "source")
  private LeaverSource source;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind")
  private ImportKind kind;

  @Column(name = "partner_code")
  private String partnerCode;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "file_sha256")
  private String fileSha256;

  @Column(name = "file_bytes")
  private long fileBytes;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  private ImportStatus status;

  @Column(name = "phase")
  private String phase;

  @Column(name = "rows_read")
  private long rowsRead;

  @Column(name = "rows_created")
  private long rowsCreated;

  @Column(name = "rows_merged")
  private long rowsMerged;

  @Column(name = "rows_updated")
  private long rowsUpdated;

  @Column(name = "rows_unchanged")
  private long rowsUnchanged;

  @Column(name = "rows_rejected")
  private long rowsRejected;

  @Column(name = "rows_excluded")
  private long rowsExcluded;

  @Column(name = "bytes_done")
  private long bytesDone;

  @Column(name = "pathways_to_start")
  private long pathwaysToStart;

  @Column(name = "pathways_started")
  private long pathwaysStarted;

  @Column(name = "warnings")
  private String warnings;

  /** Database outages the import waited through, and their total length in seconds. */
  @Column(name = "interruptions")
  private int interruptions;

  @Column(name = "interrupted_seconds")
  private long interruptedSeconds;

  public int getInterruptions() {
    return interruptions;
  }

  public long getInterruptedSeconds() {
    return interruptedSeconds;
  }

  @Column(name = "file_format")
  private String fileFormat;

  @Column(name = "sheet_name")
  private String sheetName;

  /** How each header cell was understood, as JSON (a list of {@code HeaderColumn}). */
  @Column(name = "header_columns")
  private String headerColumns;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "created_by")
  private String createdBy;

  /** The importer's département: the list's rows route to its perimeters only. */
  @Column(name = "departement")
  private String departement;

  public String getDepartement() {
    return departement;
  }

  public void setDepartement(String departement) {
    this.departement = departement;
  }

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "pathways_started_at")
  private Instant pathwaysStartedAt;

  public Long getId() {
    return id;
  }

  public LeaverSource getSource() {
    return source;
  }

  public void setSource(LeaverSource source) {
    this.source = source;
  }

  public ImportKind getKind() {
    return kind;
  }

  public void setKind(ImportKind kind) {
    this.kind = kind;
  }

  public String getPartnerCode() {
    return partnerCode;
  }

  public void setPartnerCode(String partnerCode) {
    this.partnerCode = partnerCode;
  }

  public String getFileName() {
    return fileName;
  }

  public void setFileName(String fileName) {
    this.fileName = fileName;
  }

  public String getFileSha256() {
    return fileSha256;
  }

  public void setFileSha256(String fileSha256) {
    this.fileSha256 = fileSha256;
  }

  public long getFileBytes() {
    return fileBytes;
  }

  public void setFileBytes(long fileBytes) {
    this.fileBytes = fileBytes;
  }

  public ImportStatus getStatus() {
    return status;
  }

  public void setStatus(ImportStatus status) {
    this.status = status;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public long getRowsRead() {
    return rowsRead;
  }

  public void setRowsRead(long rowsRead) {
    this.rowsRead = rowsRead;
  }

  public long getRowsCreated() {
    return rowsCreated;
  }

  public void setRowsCreated(long rowsCreated) {
    this.rowsCreated = rowsCreated;
  }

  public long getRowsMerged() {
    return rowsMerged;
  }

  public void setRowsMerged(long rowsMerged) {
    this.rowsMerged = rowsMerged;
  }

  public long getRowsUpdated() {
    return rowsUpdated;
  }

  public void setRowsUpdated(long rowsUpdated) {
    this.rowsUpdated = rowsUpdated;
  }

  public long getRowsUnchanged() {
    return rowsUnchanged;
  }

  public void setRowsUnchanged(long rowsUnchanged) {
    this.rowsUnchanged = rowsUnchanged;
  }

  public long getRowsRejected() {
    return rowsRejected;
  }

  public void setRowsRejected(long rowsRejected) {
    this.rowsRejected = rowsRejected;
  }

  public long getRowsExcluded() {
    return rowsExcluded;
  }

  public void setRowsExcluded(long rowsExcluded) {
    this.rowsExcluded = rowsExcluded;
  }

  public long getBytesDone() {
    return bytesDone;
  }

  public void setBytesDone(long bytesDone) {
    this.bytesDone = bytesDone;
  }

  public long getPathwaysToStart() {
    return pathwaysToStart;
  }

  public void setPathwaysToStart(long pathwaysToStart) {
    this.pathwaysToStart = pathwaysToStart;
  }

  public long getPathwaysStarted() {
    return pathwaysStarted;
  }

  public void setPathwaysStarted(long pathwaysStarted) {
    this.pathwaysStarted = pathwaysStarted;
  }

  public String getFileFormat() {
    return fileFormat;
  }

  public void setFileFormat(String fileFormat) {
    this.fileFormat = fileFormat;
  }

  public String getSheetName() {
    return sheetName;
  }

  public void setSheetName(String sheetName) {
    this.sheetName = sheetName;
  }

  public String getHeaderColumns() {
    return headerColumns;
  }

  public void setHeaderColumns(String headerColumns) {
    this.headerColumns = headerColumns;
  }

  public String getWarnings() {
    return warnings;
  }

  public void setWarnings(String warnings) {
    this.warnings = warnings;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  public void setErrorMessage(String errorMessage) {
    this.errorMessage = errorMessage;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(Instant startedAt) {
    this.startedAt = startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(Instant finishedAt) {
    this.finishedAt = finishedAt;
  }

  public Instant getPathwaysStartedAt() {
    return pathwaysStartedAt;
  }

  public void setPathwaysStartedAt(Instant pathwaysStartedAt) {
    this.pathwaysStartedAt = pathwaysStartedAt;
  }
}
