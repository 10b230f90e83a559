package fr.raccroche.coordination.internal;

import fr.raccroche.coordination.DiagnosisStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A perimeter's diagnosis for a school year; its figures frozen (JSON) once written. */
@Entity
@Table(name = "coordination_diagnosis")
public class DiagnosisEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "perimeter_code")
  private String perimeterCode;

  @Column(name = "school_year")
  private String schoolYear;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  private DiagnosisStatus status;

  @Column(name = "strengths")
  private String strengths;

  @Column(name = "weaknesses")
  private String weaknesses;

  @Column(name = "figures_json")
  private String figuresJson;

  @Column(name = "review_comment")
  private String reviewComment;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "written_by")
  private String writtenBy;

  @Column(name = "written_at")
  private Instant writtenAt;

  @Column(name = "validated_by")
  private String validatedBy;

  @Column(name = "validated_at")
  private Instant validatedAt;

  @Column(name = "opened_at")
  private Instant openedAt;

  protected DiagnosisEntity() {}

  public DiagnosisEntity(String perimeterCode, String schoolYear, Instant openedAt) {
    this.perimeterCode = perimeterCode;
    this.schoolYear = schoolYear;
    this.openedAt = openedAt;
    this.status = DiagnosisStatus.OPEN;
  }

  public Long getId() {
    return id;
  }

  public String getPerimeterCode() {
    return perimeterCode;
  }

  public String getSchoolYear() {
    return schoolYear;
  }

  public DiagnosisStatus getStatus() {
    return status;
  }

  public void setStatus(DiagnosisStatus status) {
    this.status = status;
  }

  public String getStrengths() {
    return strengths;
  }

  public void setStrengths(String strengths) {
    this.strengths = strengths;
  }

  public String getWeaknesses() {
    return weaknesses;
  }

  public void setWeaknesses(String weaknesses) {
    this.weaknesses = weaknesses;
  }

  public String getFiguresJson() {
    return figuresJson;
  }

  public void setFiguresJson(String figuresJson) {
    this.figuresJson = figuresJson;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  public void setReviewComment(String reviewComment) {
    this.reviewComment = reviewComment;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public void setProcessInstanceId(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public String getWrittenBy() {
    return writtenBy;
  }

  public void setWrittenBy(String writtenBy) {
    this.writtenBy = writtenBy;
  }

  public Instant getWrittenAt() {
    return writtenAt;
  }

  public void setWrittenAt(Instant writtenAt) {
    this.writtenAt = writtenAt;
  }

  public String getValidatedBy() {
    return validatedBy;
  }

  public void setValidatedBy(String validatedBy) {
    this.validatedBy = validatedBy;
  }

  public Instant getValidatedAt() {
    return validatedAt;
  }

  public void setValidatedAt(Instant validatedAt) {
    this.validatedAt = validatedAt;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }
}
