package fr.raccroche.indicators.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The reporting row of one case (no personal data: see the migration). */
@Entity
@Table(name = "indicator_case_fact")
public class CaseFactEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "IndicatorCaseFactIds")
  @SequenceGenerator(
      name = "IndicatorCaseFactIds",
      sequenceName = "indicator_case_fact_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "person_id")
  private long personId;

  @Column(name = "departement")
  private String departement;

  @Column(name = "perimeter_code")
  private String perimeterCode;

  @Column(name = "origin")
  private String origin;

  @Column(name = "source")
  private String source;

  @Column(name = "sex")
  private String sex;

  @Column(name = "age_band")
  private String ageBand;

  @Column(name = "last_level")
  private String lastLevel;

  @Column(name = "leaving_reason")
  private String leavingReason;

  @Column(name = "leaving_date")
  private LocalDate leavingDate;

  @Column(name = "detected_on")
  private LocalDate detectedOn;

  @Column(name = "first_contact_on")
  private LocalDate firstContactOn;

  @Column(name = "taken_in_charge_on")
  private LocalDate takenInChargeOn;

  @Column(name = "days_to_first_contact")
  private Integer daysToFirstContact;

  @Column(name = "days_to_taken_in_charge")
  private Integer daysToTakenInCharge;

  @Column(name = "one_year_checked_on")
  private LocalDate oneYearCheckedOn;

  @Column(name = "one_year_in_solution")
  private Boolean oneYearInSolution;

  @Column(name = "one_year_solution_type")
  private String oneYearSolutionType;

  @Column(name = "closed_on")
  private LocalDate closedOn;

  @Column(name = "closure_reason")
  private String closureReason;

  @Column(name = "updated_at")
  private Instant updatedAt;

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public void setCaseNumber(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  public long getPersonId() {
    return personId;
  }

  public void setPersonId(long personId) {
    this.personId = personId;
  }

  public String getDepartement() {
    return departement;
  }

  public void setDepartement(String departement) {
    this.departement = departement;
  }

  public String getPerimeterCode() {
    return perimeterCode;
  }

  public void setPerimeterCode(String perimeterCode) {
    this.perimeterCode = perimeterCode;
  }

  public String getOrigin() {
    return origin;
  }

  public void setOrigin(String origin) {
    this.origin = origin;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getSex() {
    return sex;
  }

  public void setSex(String sex) {
    this.sex = sex;
  }

  public String getAgeBand() {
    return ageBand;
  }

  public void setAgeBand(String ageBand) {
    this.ageBand = ageBand;
  }

  public String getLastLevel() {
    return lastLevel;
  }

  public void setLastLevel(String lastLevel) {
    this.lastLevel = lastLevel;
  }

  public String getLeavingReason() {
    return leavingReason;
  }

  public void setLeavingReason(String leavingReason) {
    this.leavingReason = leavingReason;
  }

  public LocalDate getLeavingDate() {
    return leavingDate;
  }

  public void setLeavingDate(LocalDate leavingDate) {
    this.leavingDate = leavingDate;
  }

  public LocalDate getDetectedOn() {
    return detectedOn;
  }

  public void setDetectedOn(LocalDate detectedOn) {
    this.detectedOn = detectedOn;
  }

  public LocalDate getFirstContactOn() {
    return firstContactOn;
  }

  public void setFirstContactOn(LocalDate firstContactOn) {
    this.firstContactOn = firstContactOn;
  }

  public LocalDate getTakenInChargeOn() {
    return takenInChargeOn;
  }

  public void setTakenInChargeOn(LocalDate takenInChargeOn) {
    this.takenInChargeOn = takenInChargeOn;
  }

  public Integer getDaysToFirstContact() {
    return daysToFirstContact;
  }

  public void setDaysToFirstContact(Integer daysToFirstContact) {
    this.daysToFirstContact = daysToFirstContact;
  }

  public Integer getDaysToTakenInCharge() {
    return daysToTakenInCharge;
  }

  public void setDaysToTakenInCharge(Integer daysToTakenInCharge) {
    this.daysToTakenInCharge = daysToTakenInCharge;
  }

  public LocalDate getOneYearCheckedOn() {
    return oneYearCheckedOn;
  }

  public void setOneYearCheckedOn(LocalDate oneYearCheckedOn) {
    this.oneYearCheckedOn = oneYearCheckedOn;
  }

  public Boolean getOneYearInSolution() {
    return oneYearInSolution;
  }

  public void setOneYearInSolution(Boolean oneYearInSolution) {
    this.oneYearInSolution = oneYearInSolution;
  }

  public String getOneYearSolutionType() {
    return oneYearSolutionType;
  }

  public void setOneYearSolutionType(String oneYearSolutionType) {
    this.oneYearSolutionType = oneYearSolutionType;
  }

  public LocalDate getClosedOn() {
    return closedOn;
  }

  public void setClosedOn(LocalDate closedOn) {
    this.closedOn = closedOn;
  }

  public String getClosureReason() {
    return closureReason;
  }

  public void setClosureReason(String closureReason) {
    this.closureReason = closureReason;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }
}
