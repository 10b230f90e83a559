package fr.raccroche.pathway;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.TextRules;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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

  /** Longest accepted value of each text field (the columns' sizes, or less). */
  static final Map<String, Integer> MAX_LENGTHS =
      Map.ofEntries(
          Map.entry("ine", 20),
          Map.entry("lastName", 100),
          Map.entry("firstName", 100),
          Map.entry("sex", 1),
          Map.entry("address", 300),
          Map.entry("postalCode", 10),
          Map.entry("communeCode", 10),
          Map.entry("communeName", 100),
          Map.entry("phone", 30),
          Map.entry("email", 200),
          Map.entry("legalGuardian", 200),
          Map.entry("guardianPhone", 30),
          Map.entry("leavingReason", 200),
          Map.entry("lastTraining", 200),
          Map.entry("uai", 10),
          Map.entry("perimeterCode", 20));

  /**
   * The edge checks of a signalement (docs/security.md, R6): each text within its length, and no
   * control, bidirectional or zero-width character — refused with a French message naming the
   * field, before anything is looked up or written.
   */
  void validate() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ine", ine);
    fields.put("lastName", lastName);
    fields.put("firstName", firstName);
    fields.put("sex", sex);
    fields.put("address", address);
    fields.put("postalCode", postalCode);
    fields.put("communeCode", communeCode);
    fields.put("communeName", communeName);
    fields.put("phone", phone);
    fields.put("email", email);
    fields.put("legalGuardian", legalGuardian);
    fields.put("guardianPhone", guardianPhone);
    fields.put("leavingReason", leavingReason);
    fields.put("lastTraining", lastTraining);
    fields.put("uai", uai);
    fields.put("perimeterCode", perimeterCode);
    fields.forEach(
        (field, value) -> {
          if (value == null) {
            return;
          }
          String tooLong = TextRules.checkLength(value.strip(), MAX_LENGTHS.get(field), field);
          if (tooLong != null) {
            throw new InvalidInputException(field, tooLong);
          }
          String control = TextRules.check(value, field);
          if (control != null) {
            throw new InvalidInputException(field, control);
          }
        });
  }

  NewCase toNewCase() {
    validate();
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
