package fr.raccroche.pathway;

/**
 * What the intake did with one {@link Admission}.
 *
 * @param outcome {@code CREATED}: a new person; {@code MERGED}: a known person (their open case, or
 *     a new one); {@code UPDATED}: a known person's open case changed (closed by an enrolment, or
 *     taken in charge by the list's partner); {@code EXCLUDED}: nothing stored (an enrolled pupil
 *     without an open case)
 * @param personId the person's record (null when excluded)
 * @param caseNumber the case the row belongs to (null while a review decides, or when excluded)
 * @param caseRegistered whether this admission registered that case (its pathway starts later)
 * @param review what a human must decide before a case opens
 * @param candidatePersonId for {@link Review#POSSIBLE_DUPLICATE}: the known person it resembles
 * @param perimeterCode for {@link Review#POSSIBLE_DUPLICATE}: where the case would open
 */
public record Admitted(
    Outcome outcome,
    Long personId,
    String caseNumber,
    boolean caseRegistered,
    Review review,
    Long candidatePersonId,
    String perimeterCode) {

  public enum Outcome {
    CREATED,
    MERGED,
    UPDATED,
    EXCLUDED
  }

  public enum Review {
    NONE,
    POSSIBLE_DUPLICATE,
    ASSIGN_PERIMETER
  }

  static Admitted excluded() {
    return new Admitted(Outcome.EXCLUDED, null, null, false, Review.NONE, null, null);
  }
}
