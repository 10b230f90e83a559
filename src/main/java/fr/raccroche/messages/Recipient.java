package fr.raccroche.messages;

/**
 * Who a message goes to. A user chooses the young person or, for a minor and explicitly, the legal
 * guardian; the processes write to a partner's contact address and to coordinators.
 */
public enum Recipient {
  YOUNG_PERSON("au jeune"),
  GUARDIAN("au responsable légal"),
  PARTNER("à la structure partenaire"),
  COORDINATOR("au coordonnateur");

  private final String label;

  Recipient(String label) {
    this.label = label;
  }

  /** "au jeune", "au responsable légal"…: completes "SMS …". */
  public String label() {
    return label;
  }

  /** Whether the young person's side receives it (daily limit, contact attempt, STOP reply). */
  public boolean isYoungPersonSide() {
    return this == YOUNG_PERSON || this == GUARDIAN;
  }
}
