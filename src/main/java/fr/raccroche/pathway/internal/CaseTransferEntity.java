package fr.raccroche.pathway.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A case closed in one département because the young person moved to another département of the
 * deployment, and the case that opened there (no personal data).
 */
@Entity
@Table(name = "case_transfer")
public class CaseTransferEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "from_case_number")
  private String fromCaseNumber;

  @Column(name = "from_departement")
  private String fromDepartement;

  @Column(name = "to_case_number")
  private String toCaseNumber;

  @Column(name = "to_departement")
  private String toDepartement;

  @Column(name = "transferred_by")
  private String transferredBy;

  @Column(name = "transferred_at")
  private Instant transferredAt;

  protected CaseTransferEntity() {}

  public CaseTransferEntity(
      String fromCaseNumber,
      String fromDepartement,
      String toCaseNumber,
      String toDepartement,
      String transferredBy,
      Instant transferredAt) {
    this.fromCaseNumber = fromCaseNumber;
    this.fromDepartement = fromDepartement;
    this.toCaseNumber = toCaseNumber;
    this.toDepartement = toDepartement;
    this.transferredBy = transferredBy;
    this.transferredAt = transferredAt;
  }

  public Long getId() {
    return id;
  }

  public String getFromCaseNumber() {
    return fromCaseNumber;
  }

  public String getFromDepartement() {
    return fromDepartement;
  }

  public String getToCaseNumber() {
    return toCaseNumber;
  }

  public String getToDepartement() {
    return toDepartement;
  }

  public String getTransferredBy() {
    return transferredBy;
  }

  public Instant getTransferredAt() {
    return transferredAt;
  }
}
