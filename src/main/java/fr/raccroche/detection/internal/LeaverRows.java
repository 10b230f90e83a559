package fr.raccroche.detection.internal;

import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.NewCase;
import fr.raccroche.pathway.PersonDetails;
import fr.raccroche.pathway.SchoolLevel;

/** What a list's row gives the pathway's intake: the person, the case it opens, its level. */
final class LeaverRows {
  private LeaverRows() {}

  static PersonDetails details(LeaverRow r) {
    return new PersonDetails(
        r.ine(),
        r.lastName(),
        r.firstName(),
        r.sex(),
        r.birthDate(),
        r.address(),
        r.postalCode(),
        r.communeCode(),
        r.communeName(),
        r.phone(),
        r.email(),
        r.legalGuardian(),
        r.guardianPhone());
  }

  static PendingCase pending(LeaverRow r, LeaverSource source, String followedBy) {
    return new PendingCase(
        source,
        followedBy,
        r.leavingDate(),
        r.leavingReason(),
        r.training(),
        r.level(),
        r.uai(),
        r.establishmentName());
  }

  /** The case a source row (or a finished review) opens. */
  public static NewCase newCase(PendingCase p, PersonDetails person) {
    return new NewCase(
        person,
        CaseOrigin.IMPORT,
        p.source(),
        null,
        p.leavingDate(),
        p.leavingReason(),
        p.training(),
        level(p.level()),
        p.uai(),
        p.establishmentName(),
        null,
        p.source() == LeaverSource.JUSTICE,
        p.followedByPartnerCode(),
        false);
  }

  /** The source's free-text level, read as well as can be ({@link LevelReader}). */
  static SchoolLevel level(String text) {
    return LevelReader.read(text);
  }
}
