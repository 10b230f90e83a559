package fr.raccroche.pathway;

/** Filters of the case list; null means "any". {@code text} searches name, INE and case number. */
public record CaseFilter(String perimeterCode, CaseStatus status, String text) {
  /** Longest search text. */
  public static final int MAX_TEXT = 100;
}
