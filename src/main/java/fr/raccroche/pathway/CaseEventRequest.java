package fr.raccroche.pathway;

/**
 * Something that happened to a young person at any time: {@code RE_ENROLLED} (with {@code
 * closureReason} RETURNED_TO_TRAINING or FALSE_DETECTION), {@code MOVED_AWAY} (with {@code
 * perimeterCode}), {@code LEFT_DEPARTEMENT} (with {@code toDepartement}, {@code communeCode} and
 * optionally {@code postalCode}, {@code address}, {@code phone} when the young person moved to
 * another département of the deployment: a case opens there, see {@link DepartementTransfers}),
 * {@code SUPPORT_REFUSED}, {@code WITHDRAWN} (with a {@code reason}).
 */
public record CaseEventRequest(
    Type type,
    ClosureReason closureReason,
    String perimeterCode,
    String reason,
    String toDepartement,
    String communeCode,
    String postalCode,
    String address,
    String phone) {

  /** An event without destination département (every type but a move to another one). */
  public CaseEventRequest(
      Type type, ClosureReason closureReason, String perimeterCode, String reason) {
    this(type, closureReason, perimeterCode, reason, null, null, null, null, null);
  }

  /** Lengths and characters, checked before the case is touched (docs/security.md, R6). */
  void validate() {
    java.util.Map<String, Integer> limits =
        java.util.Map.of(
            "perimeterCode",
            20,
            "reason",
            200,
            "toDepartement",
            3,
            "communeCode",
            5,
            "postalCode",
            5,
            "address",
            DepartementTransfers.MAX_ADDRESS,
            "phone",
            DepartementTransfers.MAX_PHONE);
    java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("perimeterCode", perimeterCode);
    values.put("reason", reason);
    values.put("toDepartement", toDepartement == null ? null : toDepartement.strip());
    values.put("communeCode", communeCode == null ? null : communeCode.strip());
    values.put("postalCode", postalCode == null ? null : postalCode.strip());
    values.put("address", address == null ? null : address.strip());
    values.put("phone", phone == null ? null : phone.strip());
    for (var field : values.entrySet()) {
      if (field.getValue() == null) {
        continue;
      }
      int max = limits.get(field.getKey());
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
