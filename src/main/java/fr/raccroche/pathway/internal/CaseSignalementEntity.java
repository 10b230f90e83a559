package fr.raccroche.pathway.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signalement of a young person already followed by another perimeter, waiting for that
 * perimeter's decision. {@code details} is the personal data the signaller gave (JSON).
 */
@Entity
@Table(name = "case_signalement")
public class CaseSignalementEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "signalled_by_perimeter")
  private String signalledByPerimeter;

  @Column(name = "signalled_by_user")
  private String signalledByUser;

  @Column(name = "details")
  private String details;

  @Column(name = "decision")
  private String decision;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public void setCaseNumber(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  public String getSignalledByPerimeter() {
    return signalledByPerimeter;
  }

  public void setSignalledByPerimeter(String signalledByPerimeter) {
    this.signalledByPerimeter = signalledByPerimeter;
  }

  public String getSignalledByUser() {
    return signalledByUser;
  }

  public void setSignalledByUser(String signalledByUser) {
    this.signalledByUser = signalledByUser;
  }

  public String getDetails() {
    return details;
  }

  public void setDetails(String details) {
    this.details = details;
  }

  public String getDecision() {
    return decision;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public void decide(String decision, Instant at) {
    this.decision = decision;
    this.decidedAt = at;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  @Override
  public String toString() {
    return "CaseSignalement[id=" + id + ", case=" + caseNumber + "]";
  }
}
