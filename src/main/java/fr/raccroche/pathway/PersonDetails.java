package fr.raccroche.pathway;

import java.time.LocalDate;

/** Identity and contact details of a young person, as a source list or a coordinator gives them. */
public record PersonDetails(
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
    String guardianPhone) {

  @Override
  public String toString() {
    // Personal data never goes to logs.
    return "PersonDetails[redacted]";
  }
}
