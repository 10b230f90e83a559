package fr.raccroche.detection.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A rejected or excluded line of an import, with its French reason. Excluded lines keep no raw text
 * (never stored).
 */
@Entity
@Table(name = "import_rejection")
public class ImportRejectionEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ImportRejectionIds")
  @SequenceGenerator(
      name = "ImportRejectionIds",
      sequenceName = "import_rejection_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "import_id")
  private long importId;

  @Column(name = "line_number")
  private long lineNumber;

  @Column(name = "outcome")
  private String outcome;

  @Column(name = "reason")
  private String reason;

  @Column(name = "raw_line")
  private String rawLine;

  public Long getId() {
    return id;
  }

  public long getImportId() {
    return importId;
  }

  public void setImportId(long importId) {
    this.importId = importId;
  }

  public long getLineNumber() {
    return lineNumber;
  }

  public void setLineNumber(long lineNumber) {
    this.lineNumber = lineNumber;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getRawLine() {
    return rawLine;
  }

  public void setRawLine(String rawLine) {
    this.rawLine = rawLine;
  }
}
