package fr.raccroche.coordination.internal;

import fr.raccroche.pathway.ClosureReason;
import fr.raccroche.pathway.Need;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;

/**
 * What the coordination keeps of a case for the territorial diagnosis: no personal data, only the
 * case number, perimeter, school year, needs, dates and outcome. Fed by the pathway's events, so it
 * outlives the process history and the person's anonymisation.
 */
@Entity
@Table(name = "coordination_case_fact")
public class CoordinationCaseFactEntity
    implements org.springframework.data.domain.Persistable<String> {
  // A new fact is inserted straight away (no select to tell insert from update): imports
  // register cases by the thousand.
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

  @Column(name = "perimeter_code")
  private String perimeterCode;

  @Column(name = "school_year")
  private String schoolYear;

  @Column(name = "detected_on")
  private LocalDate detectedOn;

  @Column(name = "first_contact_on")
  private LocalDate firstContactOn;

  @Column(name = "needs_analysed_on")
  private LocalDate needsAnalysedOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "primary_need")
  private Need primaryNeed;

  @Column(name = "other_needs")
  private String otherNeeds;

  @Column(name = "oriented_on")
  private LocalDate orientedOn;

  @Column(name = "chosen_offer_id")
  private Long chosenOfferId;

  @Column(name = "taken_in_charge_on")
  private LocalDate takenInChargeOn;

  @Column(name = "in_solution_on")
  private LocalDate inSolutionOn;

  @Column(name = "one_year_checked_on")
  private LocalDate oneYearCheckedOn;

  @Column(name = "one_year_in_solution")
  private Boolean oneYearInSolution;

  @Column(name = "closed_on")
  private LocalDate closedOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "closure_reason")
  private ClosureReason closureReason;

  @Column(name = "experiment_project_id")
  private Long experimentProjectId;

  protected CoordinationCaseFactEntity() {}

  /**
   * The school year is the case number's (its first four digits, the year the case was opened in);
   * a case number of another shape falls back on the day of the first event.
   */
  public CoordinationCaseFactEntity(String caseNumber, String perimeterCode, LocalDate firstEvent) {
    this.caseNumber = caseNumber;
    this.perimeterCode = perimeterCode;
    int start =
        caseNumber.length() >= 4 && caseNumber.substring(0, 4).chars().allMatch(Character::isDigit)
            ? Integer.parseInt(caseNumber.substring(0, 4))
            : (firstEvent.getMonthValue() >= 9 ? firstEvent.getYear() : firstEvent.getYear() - 1);
    this.schoolYear = start + "-" + (start + 1);
  }

  /** All the needs found: the primary need first. */
  public List<Need> allNeeds() {
    List<Need> all = new java.util.ArrayList<>();
    if (primaryNeed != null) {
      all.add(primaryNeed);
    }
    for (Need n : getOtherNeeds()) {
      if (!all.contains(n)) {
        all.add(n);
      }
    }
    return all;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getPerimeterCode() {
    return perimeterCode;
  }

  public void setPerimeterCode(String perimeterCode) {
    this.perimeterCode = perimeterCode;
  }

  public String getSchoolYear() {
    return schoolYear;
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

  public LocalDate getNeedsAnalysedOn() {
    return needsAnalysedOn;
  }

  public void setNeedsAnalysedOn(LocalDate needsAnalysedOn) {
    this.needsAnalysedOn = needsAnalysedOn;
  }

  public Need getPrimaryNeed() {
    return primaryNeed;
  }

  public void setPrimaryNeed(Need primaryNeed) {
    this.primaryNeed = primaryNeed;
  }

  public List<Need> getOtherNeeds() {
    return CodeList.split(otherNeeds, Need.class);
  }

  public void setOtherNeeds(List<Need> otherNeeds) {
    this.otherNeeds = CodeList.join(otherNeeds);
  }

  public LocalDate getOrientedOn() {
    return orientedOn;
  }

  public void setOrientedOn(LocalDate orientedOn) {
    this.orientedOn = orientedOn;
  }

  public Long getChosenOfferId() {
    return chosenOfferId;
  }

  public void setChosenOfferId(Long chosenOfferId) {
    this.chosenOfferId = chosenOfferId;
  }

  public LocalDate getTakenInChargeOn() {
    return takenInChargeOn;
  }

  public void setTakenInChargeOn(LocalDate takenInChargeOn) {
    this.takenInChargeOn = takenInChargeOn;
  }

  public LocalDate getInSolutionOn() {
    return inSolutionOn;
  }

  public void setInSolutionOn(LocalDate inSolutionOn) {
    this.inSolutionOn = inSolutionOn;
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

  public LocalDate getClosedOn() {
    return closedOn;
  }

  public void setClosedOn(LocalDate closedOn) {
    this.closedOn = closedOn;
  }

  public Long getExperimentProjectId() {
    return experimentProjectId;
  }

  public void setExperimentProjectId(Long experimentProjectId) {
    this.experimentProjectId = experimentProjectId;
  }

  public ClosureReason getClosureReason() {
    return closureReason;
  }

  public void setClosureReason(ClosureReason closureReason) {
    this.closureReason = closureReason;
  }
}
