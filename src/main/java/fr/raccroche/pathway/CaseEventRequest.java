package fr.raccroche.pathway;

/**
 * Something that happened to a young person at any time: {@code RE_ENROLLED} (with {@code
 * closureReason} RETURNED_TO_TRAINING or FALSE_DETECTION), {@code MOVED_AWAY} (with {@code
 * perimeterCode}), {@code LEFT_DEPARTEMENT}, {@code SUPPORT_REFUSED}, {@code WITHDRAWN} (with a
 * {@code reason}).
 */
public record CaseEventRequest(
    Type type, ClosureReason closureReason, String perimeterCode, String reason) {

  /** Kinds of events. */
  public enum Type {
    RE_ENROLLED,
    MOVED_AWAY,
    LEFT_DEPARTEMENT,
    SUPPORT_REFUSED,
    WITHDRAWN
  }
}
