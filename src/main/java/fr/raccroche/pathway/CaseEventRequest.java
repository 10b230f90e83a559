package fr.raccroche.pathway;

/**
 * Something that happened to a young person at any time: {@code RE_ENROLLED} (with {@code
 * closureReason} RETURNED_TO_TRAINING or FALSE_DETECTION), {@code MOVED_AWAY} (with {@code
 * perimeterCode}), {@code LEFT_DEPARTEMENT}, {@code SUPPORT_REFUSED}, {@code WITHDRAWN} (with a
 * {@code reason}).
 */
public record CaseEventRequest(
    Type type, ClosureReason closureReason, String perimeterCode, String reason) {

  /** Lengths and characters, checked before the case is touched (docs/security.md, R6). */
  void validate() {
    for (var field :
        java.util.Map.of(
                "perimeterCode",
                perimeterCode == null ? "" : perimeterCode,
                "reason",
                reason == null ? "" : reason)
            .entrySet()) {
      int max = field.getKey().equals("reason") ? 200 : 20;
      String tooLong =
          fr.raccroche.shared.TextRules.checkLength(field.getValue(), max, field.getKey());
      String control = fr.raccroche.shared.TextRules.check(field.getValue(), field.getKey());
      if (tooLong != null || control != null) {
        throw new fr.raccroche.shared.InvalidInputException(
            field.getKey(), tooLong != null ? tooLong : control);
      }
    }
  }

  /** Kinds of events. */
  public enum Type {
    RE_ENROLLED,
    MOVED_AWAY,
    LEFT_DEPARTEMENT,
    SUPPORT_REFUSED,
    WITHDRAWN
  }
}
