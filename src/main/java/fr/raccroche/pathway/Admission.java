package fr.raccroche.pathway;

import java.time.LocalDate;

/**
 * One young person as a source list gives them, handed to {@link CaseIntake#admit}: the case they
 * would open, and what the list says of them.
 *
 * @param kind a leaver; a young person the list's partner already follows ({@code
 *     request.followedByPartnerCode()}); or a pupil currently enrolled (matching open cases close)
 * @param entryDate for {@link Kind#ENROLLED}: when the enrolment began (before the recorded leaving
 *     date, the detection was false)
 */
public record Admission(NewCase request, Kind kind, LocalDate entryDate) {
  public enum Kind {
    LEAVER,
    FOLLOWED,
    ENROLLED
  }

  @Override
  public String toString() {
    return "Admission[kind=" + kind + "]";
  }
}
