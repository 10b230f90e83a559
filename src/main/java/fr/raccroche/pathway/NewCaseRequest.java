package fr.raccroche.pathway;

import java.time.LocalDate;

/**
 * A young person who comes forward ("signalement"), as the page and {@code POST /api/cases} receive
 * it. The perimeter is optional: without it, the case is routed from the commune, postal code or
 * establishment.
 */
public record NewCaseRequest(
    String ine,
    String lastName,
    String firstName,
    String sex,
    LocalDate birthDate,
    String address,
    String postalCode,
    String communeCode,
    String communeName,
    String phone,
    String email,
    String legalGuardian,
    String guardianPhone,
    LocalDate leavingDate,
    String leavingReason,
    String lastTraining,
    SchoolLevel lastLevel,
    String uai,
    String perimeterCode,
    Boolean justiceFollowUp) {

  NewCase toNewCase() {
    return new NewCase(
        new PersonDetails(
            ine,
            lastName,
            firstName,
            sex,
            birthDate,
            address,
            postalCode,
            communeCode,
            communeName,
            phone,
            email,
            legalGuardian,
            guardianPhone),
        CaseOrigin.SELF_REFERRAL,
        null,
        null,
        leavingDate,
        leavingReason,
        lastTraining,
        lastLevel,
        uai,
        null,
        perimeterCode == null || perimeterCode.isBlank() ? null : perimeterCode.strip(),
        Boolean.TRUE.equals(justiceFollowUp),
        null,
        false);
  }

  @Override
  public String toString() {
    return "NewCaseRequest[redacted]";
  }
}
