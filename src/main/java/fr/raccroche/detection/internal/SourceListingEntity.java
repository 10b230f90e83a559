package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.pathway.LeaverSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A young person as one source listed them: source, file, line, and the hash that makes re-imports
 * idempotent.
 */
@Entity
@Table(name = "source_listing")
public class SourceListingEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "SourceListingIds")
  @SequenceGenerator(
      name = "SourceListingIds",
      sequenceName = "source_listing_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "person_id")
  private long personId;

  @Column(name = "case_number")
  private String caseNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "source")
  private LeaverSource source;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind")
  private ImportKind kind;

  @Column(name = "import_id")
  private long importId;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "line_number")
  private long lineNumber;

  @Column(name = "row_hash")
  private String rowHash;

  @Column(name = "uai")
  private String uai;

  @Column(name = "leaving_date")
  private LocalDate leavingDate;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  public Long getId() {
    return id;
  }

  public long getPersonId() {
    return personId;
  }

  public void setPersonId(long personId) {
    this.personId = personId;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public void setCaseNumber(String caseNumber) {
    this.caseNumber = caseNumber;
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

  public long getImportId() {
    return importId;
  }

  public void setImportId(long importId) {
    this.importId = importId;
  }

  public String getFileName() {
    return fileName;
  }

  public void setFileName(String fileName) {
    this.fileName = fileName;
  }

  public long getLineNumber() {
    return lineNumber;
  }

  public void setLineNumber(long lineNumber) {
    this.lineNumber = lineNumber;
  }

  public String getRowHash() {
    return rowHash;
  }

  public void setRowHash(String rowHash) {
    this.rowHash = rowHash;
  }

  public String getUai() {
    return uai;
  }

  public void setUai(String uai) {
    this.uai = uai;
  }

  public LocalDate getLeavingDate() {
    return leavingDate;
  }

  public void setLeavingDate(LocalDate leavingDate) {
    this.leavingDate = leavingDate;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public void setRecordedAt(Instant recordedAt) {
    this.recordedAt = recordedAt;
  }
}
