package fr.raccroche.pathway.internal;

import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseStatus;
import fr.raccroche.pathway.ClosureReason;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.SchoolLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A case: one support episode of one young person, driven by one YouthPathwayProcess instance. */
@Entity
@Table(name = "support_case")
public class SupportCaseEntity implements org.springframework.data.domain.Persistable<String> {
  // A new case is persisted straight away (no select to tell insert from update).
  @jakarta.persistence.Transient private boolean fresh = true;

  @Override
  public String getId() {
    return caseNumber;
  }

  @Override
  public boolean isNew() {
    return fresh;
  }

  @jakarta.persistence.PostLoad
  @jakarta.persistence.PostPersist
  void markNotNew() {
    fresh = false;
  }

  @Id
  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "person_id")
  private Long personId;

  @Column(name = "perimeter_code")
  private String perimeterCode;

  /** Never changes: a case that leaves its département closes, and another opens there. */
  @Column(name = "departement")
  private String departement;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  private CaseStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "closure_reason")
  private ClosureReason closureReason;

  @Enumerated(EnumType.STRING)
  @Column(name = "origin")
  private CaseOrigin origin;

  @Enumerated(EnumType.STRING)
  @Column(name = "source")
  private LeaverSource source;

  @Column(name = "detected_on")
  private LocalDate detectedOn;

  @Column(name = "leaving_date")
  private LocalDate leavingDate;

  @Column(name = "leaving_reason")
  private String leavingReason;

  @Column(name = "last_training")
  private String lastTraining;

  @Enumerated(EnumType.STRING)
  @Column(name = "last_level")
  private SchoolLevel lastLevel;

  @Column(name = "uai")
  private String uai;

  @Column(name = "justice_follow_up")
  private boolean justiceFollowUp;

  @Column(name = "referent_partner_code")
  private String referentPartnerCode;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "followed_by_partner_code")
  private String followedByPartnerCode;

  @Column(name = "enrolled_elsewhere")
  private boolean enrolledElsewhere;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  /** The establishment as the source list named it (kept even when nobody registered it). */
  @Column(name = "establishment_label")
  private String establishmentLabel;

  /**
   * Why the pathway could not start ("démarrage en échec"), in French, for a supervisor; no
   * personal data. Null once started, or never failed.
   */
  @Column(name = "start_failure")
  private String startFailure;

  @Column(name = "start_failed_at")
  private Instant startFailedAt;

  public String getEstablishmentLabel() {
    return establishmentLabel;
  }

  public void setEstablishmentLabel(String establishmentLabel) {
    this.establishmentLabel = establishmentLabel;
  }

  public String getStartFailure() {
    return startFailure;
  }

  public Instant getStartFailedAt() {
    return startFailedAt;
  }

  /** Records why the pathway could not start (null, null once it started). */
  public void setStartFailure(String reason, Instant at) {
    this.startFailure = reason;
    this.startFailedAt = at;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public void setCaseNumber(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  public Long getPersonId() {
    return personId;
  }

  public void setPersonId(Long personId) {
    this.personId = personId;
  }

  public String getPerimeterCode() {
    return perimeterCode;
  }

  public String getDepartement() {
    return departement;
  }

  public void setDepartement(String departement) {
    this.departement = departement;
  }

  public void setPerimeterCode(String perimeterCode) {
    this.perimeterCode = perimeterCode;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public void setStatus(CaseStatus status) {
    this.status = status;
  }

  public ClosureReason getClosureReason() {
    return closureReason;
  }

  public void setClosureReason(ClosureReason closureReason) {
    this.closureReason = closureReason;
  }

  public CaseOrigin getOrigin() {
    return origin;
  }

  public void setOrigin(CaseOrigin origin) {
    this.origin = origin;
  }

  public LeaverSource getSource() {
    return source;
  }

  public void setSource(LeaverSource source) {
    this.source = source;
  }

  public LocalDate getDetectedOn() {
    return detectedOn;
  }

  public void setDetectedOn(LocalDate detectedOn) {
    this.detectedOn = detectedOn;
  }

  public LocalDate getLeavingDate() {
    return leavingDate;
  }

  public void setLeavingDate(LocalDate leavingDate) {
    this.leavingDate = leavingDate;
  }

  public String getLeavingReason() {
    return leavingReason;
  }

  public void setLeavingReason(String leavingReason) {
    this.leavingReason = leavingReason;
  }

  public String getLastTraining() {
    return lastTraining;
  }

  public void setLastTraining(String lastTraining) {
    this.lastTraining = lastTraining;
  }

  public SchoolLevel getLastLevel() {
    return lastLevel;
  }

  public void setLastLevel(SchoolLevel lastLevel) {
    this.lastLevel = lastLevel;
  }

  public String getUai() {
    return uai;
  }

  public void setUai(String uai) {
    this.uai = uai;
  }

  public boolean isJusticeFollowUp() {
    return justiceFollowUp;
  }

  public void setJusticeFollowUp(boolean justiceFollowUp) {
    this.justiceFollowUp = justiceFollowUp;
  }

  public String getReferentPartnerCode() {
    return referentPartnerCode;
  }

  public void setReferentPartnerCode(String referentPartnerCode) {
    this.referentPartnerCode = referentPartnerCode;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public void setProcessInstanceId(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public void setClosedAt(Instant closedAt) {
    this.closedAt = closedAt;
  }

  public String getFollowedByPartnerCode() {
    return followedByPartnerCode;
  }

  public void setFollowedByPartnerCode(String followedByPartnerCode) {
    this.followedByPartnerCode = followedByPartnerCode;
  }

  public boolean isEnrolledElsewhere() {
    return enrolledElsewhere;
  }

  public void setEnrolledElsewhere(boolean enrolledElsewhere) {
    this.enrolledElsewhere = enrolledElsewhere;
  }
}
