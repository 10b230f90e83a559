package fr.raccroche.pathway;

import java.time.LocalDate;

/**
 * What starts a case: the person, where the case comes from and what is known of the leaving.
 * {@code perimeterCode} may be null: the case is then routed from the person's commune, postal code
 * or establishment. {@code establishmentLabel} is the establishment's name as the source gave it
 * (kept even when the département never registered that UAI).
 */
public record NewCase(
    PersonDetails person,
    CaseOrigin origin,
    LeaverSource source,
    LocalDate detectedOn,
    LocalDate leavingDate,
    String leavingReason,
    String lastTraining,
    SchoolLevel lastLevel,
    String uai,
    String establishmentLabel,
    String perimeterCode,
    boolean justiceFollowUp,
    String followedByPartnerCode,
    boolean enrolledElsewhere) {

  @Override
  public String toString() {
    return "NewCase[origin=" + origin + ", source=" + source + ", perimeter=" + perimeterCode + "]";
  }
}
