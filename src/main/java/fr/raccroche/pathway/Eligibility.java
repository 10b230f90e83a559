package fr.raccroche.pathway;

import java.time.LocalDate;

/**
 * Who Raccroche is for, by age, in one place (docs/intake.md). The import's parser, the intake and
 * the qualification decision all read these bounds: the parser and the intake exclude or refuse,
 * and {@code DetectionQualificationDecision} receives the verdict as the variable {@code
 * ageEligibility}, never a literal age.
 *
 * <ul>
 *   <li>under {@link #MIN_AGE} on the day of the intake: out of scope, never stored (the CNIL's
 *       rule for the early-school-leaver lists; such a pupil is still under compulsory schooling);
 *   <li>from {@link #MIN_AGE} to {@link #MAX_AGE} at detection: the public of the April 2009
 *       instruction and of the indicators' age bands (16–17, 18–20, 21–25);
 *   <li>over {@link #MAX_AGE} at detection: registered, then qualified not eligible by the decision
 *       (the case closes as {@code NOT_ELIGIBLE} and counts nowhere);
 *   <li>{@link #PLAUSIBLE_AGE} or more: the birth date is a typing error; the row or the
 *       signalement is refused with a French reason.
 * </ul>
 *
 * The diploma rule (a CAP, BEP, baccalauréat or higher puts a young person out of scope; the DNB
 * and the CFG do not) needs the source list's "diplôme obtenu" column and lives with its parser.
 */
public final class Eligibility {
  public static final int MIN_AGE = 16;
  public static final int MAX_AGE = 25;
  public static final int PLAUSIBLE_AGE = 31;

  /** The verdict on an age, as the qualification decision reads it. */
  public enum AgeVerdict {
    UNDER_MINIMUM,
    ELIGIBLE,
    OVER_MAXIMUM,
    IMPLAUSIBLE
  }

  private Eligibility() {}

  /** The verdict for a person born on {@code birthDate}, on {@code day}. */
  public static AgeVerdict of(LocalDate birthDate, LocalDate day) {
    if (birthDate.plusYears(MIN_AGE).isAfter(day)) {
      return AgeVerdict.UNDER_MINIMUM;
    }
    if (!birthDate.plusYears(PLAUSIBLE_AGE).isAfter(day)) {
      return AgeVerdict.IMPLAUSIBLE;
    }
    return birthDate.plusYears(MAX_AGE + 1L).isAfter(day)
        ? AgeVerdict.ELIGIBLE
        : AgeVerdict.OVER_MAXIMUM;
  }

  /**
   * Age in whole years on {@code day}: the one computation of an age, for the forms (variable
   * {@code age}, at detection), the case page and the indicators' age at leaving.
   */
  public static int age(LocalDate birthDate, LocalDate day) {
    return java.time.Period.between(birthDate, day).getYears();
  }

  /** French reason for an intake that refuses a person under {@link #MIN_AGE}. */
  public static final String UNDER_MINIMUM_REASON =
      "Moins de " + MIN_AGE + " ans à la date d'import (règle CNIL).";

  /** French reason for an implausible birth date. */
  public static final String IMPLAUSIBLE_REASON =
      "Date de naissance invraisemblable : " + PLAUSIBLE_AGE + " ans ou plus.";
}
