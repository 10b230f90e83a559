package fr.raccroche.pathway.internal;

import fr.raccroche.pathway.ClosureReason;
import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.SolutionType;
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

/** A reporting milestone of a case (no personal data). */
@Entity
@Table(name = "case_milestone")
public class CaseMilestoneEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "CaseMilestoneIds")
  @SequenceGenerator(
      name = "CaseMilestoneIds",
      sequenceName = "case_milestone_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "case_number")
  private String caseNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "milestone")
  private Milestone milestone;

  @Column(name = "occurred_on")
  private LocalDate occurredOn;

  @Column(name = "perimeter_code")
  private String perimeterCode;

  @Column(name = "partner_code")
  private String partnerCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "solution_type")
  private SolutionType solutionType;

  @Column(name = "in_solution")
  private Boolean inSolution;

  @Enumerated(EnumType.STRING)
  @Column(name = "closure_reason")
  private ClosureReason closureReason;

  @Column(name = "detail")
  private String detail;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public void setCaseNumber(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  public Milestone getMilestone() {
    return milestone;
  }

  public void setMilestone(Milestone milestone) {
    this.milestone = milestone;
  }

  public LocalDate getOccurredOn() {
    return occurredOn;
  }

  public void setOccurredOn(LocalDate occurredOn) {
    this.occurredOn = occurredOn;
  }

  public String getPerimeterCode() {
    return perimeterCode;
  }

  public void setPerimeterCode(String perimeterCode) {
    this.perimeterCode = perimeterCode;
  }

  public String getPartnerCode() {
    return partnerCode;
  }

  public void setPartnerCode(String partnerCode) {
    this.partnerCode = partnerCode;
  }

  public SolutionType getSolutionType() {
    return solutionType;
  }

  public void setSolutionType(SolutionType solutionType) {
    this.solutionType = solutionType;
  }

  public Boolean getInSolution() {
    return inSolution;
  }

  public void setInSolution(Boolean inSolution) {
    this.inSolution = inSolution;
  }

  public ClosureReason getClosureReason() {
    return closureReason;
  }

  public void setClosureReason(ClosureReason closureReason) {
    this.closureReason = closureReason;
  }

  public String getDetail() {
    return detail;
  }

  public void setDetail(String detail) {
    this.detail = detail;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public void setRecordedAt(Instant recordedAt) {
    this.recordedAt = recordedAt;
  }
}
