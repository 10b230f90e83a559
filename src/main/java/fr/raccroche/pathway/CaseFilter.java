package fr.raccroche.pathway;

/**
 * Filters of the case list; null (false) means "any". {@code text} searches name, INE and case
 * number; {@code referentPartnerCode} is the partner the case is oriented to; {@code overdue} keeps
 * the cases with an open task past its due date; {@code silentDays} those of which no task was
 * completed for that many days (as the "À faire" page says).
 */
public record CaseFilter(
    String perimeterCode,
    CaseStatus status,
    String text,
    String referentPartnerCode,
    boolean overdue,
    Integer silentDays) {
  /** Longest search text. */
  public static final int MAX_TEXT = 100;

  public CaseFilter(String perimeterCode, CaseStatus status, String text) {
    this(perimeterCode, status, text, null, false, null);
  }

  /** The columns the case list sorts by. */
  public enum Sort {
    CASE_NUMBER,
    LAST_NAME,
    FIRST_NAME,
    PERIMETER,
    STATUS,
    DETECTED_ON,
    REFERENT
  }
}
