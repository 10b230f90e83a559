package fr.raccroche.coordination.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A call for projects (appel à projets) with its budget envelope. */
@Entity
@Table(name = "coordination_call")
public class CallEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "title")
  private String title;

  @Column(name = "funder")
  private String funder;

  @Column(name = "description")
  private String description;

  @Column(name = "budget_envelope")
  private BigDecimal budgetEnvelope;

  @Column(name = "opens_on")
  private LocalDate opensOn;

  @Column(name = "closes_on")
  private LocalDate closesOn;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getFunder() {
    return funder;
  }

  public void setFunder(String funder) {
    this.funder = funder;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public BigDecimal getBudgetEnvelope() {
    return budgetEnvelope;
  }

  public void setBudgetEnvelope(BigDecimal budgetEnvelope) {
    this.budgetEnvelope = budgetEnvelope;
  }

  public LocalDate getOpensOn() {
    return opensOn;
  }

  public void setOpensOn(LocalDate opensOn) {
    this.opensOn = opensOn;
  }

  public LocalDate getClosesOn() {
    return closesOn;
  }

  public void setClosesOn(LocalDate closesOn) {
    this.closesOn = closesOn;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }
}
