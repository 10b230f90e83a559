package fr.raccroche.coordination.internal;

import fr.raccroche.coordination.ProjectStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A project answering a call: its carrier partner, amounts, dates, status and reports. */
@Entity
@Table(name = "coordination_project")
public class ProjectEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "call_id")
  private Long callId;

  @Column(name = "carrier_partner_code")
  private String carrierPartnerCode;

  @Column(name = "perimeter_code")
  private String perimeterCode;

  @Column(name = "title")
  private String title;

  @Column(name = "description")
  private String description;

  @Column(name = "amount_requested")
  private BigDecimal amountRequested;

  @Column(name = "amount_granted")
  private BigDecimal amountGranted;

  @Column(name = "start_date")
  private LocalDate startDate;

  @Column(name = "end_date")
  private LocalDate endDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  private ProjectStatus status;

  @Column(name = "selection_comment")
  private String selectionComment;

  @Column(name = "interim_report")
  private String interimReport;

  @Column(name = "final_report")
  private String finalReport;

  @Column(name = "evaluation")
  private String evaluation;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "submitted_by")
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  public Long getId() {
    return id;
  }

  public Long getCallId() {
    return callId;
  }

  public void setCallId(Long callId) {
    this.callId = callId;
  }

  public String getCarrierPartnerCode() {
    return carrierPartnerCode;
  }

  public void setCarrierPartnerCode(String carrierPartnerCode) {
    this.carrierPartnerCode = carrierPartnerCode;
  }

  public String getPerimeterCode() {
    return perimeterCode;
  }

  public void setPerimeterCode(String perimeterCode) {
    this.perimeterCode = perimeterCode;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public BigDecimal getAmountRequested() {
    return amountRequested;
  }

  public void setAmountRequested(BigDecimal amountRequested) {
    this.amountRequested = amountRequested;
  }

  public BigDecimal getAmountGranted() {
    return amountGranted;
  }

  public void setAmountGranted(BigDecimal amountGranted) {
    this.amountGranted = amountGranted;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public void setStartDate(LocalDate startDate) {
    this.startDate = startDate;
  }

  public LocalDate getEndDate() {
    return endDate;
  }

  public void setEndDate(LocalDate endDate) {
    this.endDate = endDate;
  }

  public ProjectStatus getStatus() {
    return status;
  }

  public void setStatus(ProjectStatus status) {
    this.status = status;
  }

  public String getSelectionComment() {
    return selectionComment;
  }

  public void setSelectionComment(String selectionComment) {
    this.selectionComment = selectionComment;
  }

  public String getInterimReport() {
    return interimReport;
  }

  public void setInterimReport(String interimReport) {
    this.interimReport = interimReport;
  }

  public String getFinalReport() {
    return finalReport;
  }

  public void setFinalReport(String finalReport) {
    this.finalReport = finalReport;
  }

  public String getEvaluation() {
    return evaluation;
  }

  public void setEvaluation(String evaluation) {
    this.evaluation = evaluation;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public void setProcessInstanceId(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public void setSubmittedBy(String submittedBy) {
    this.submittedBy = submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public void setSubmittedAt(Instant submittedAt) {
    this.submittedAt = submittedAt;
  }
}
