package fr.raccroche.pathway.internal;

import java.time.LocalDate;

/**
 * What matching needs of a person, and what registering a case needs (sex and birth date, for the
 * indicators): no contact details.
 */
public record PersonRef(long id, String ine, String nameKey, LocalDate birthDate, String sex) {

  public static PersonRef of(Object[] row) {
    return new PersonRef(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        (LocalDate) row[3],
        (String) row[4]);
  }

  public static PersonRef of(YoungPersonEntity e) {
    return new PersonRef(e.getId(), e.getIne(), e.getNameKey(), e.getBirthDate(), e.getSex());
  }
}
